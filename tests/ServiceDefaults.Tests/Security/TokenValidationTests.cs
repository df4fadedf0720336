using System.Net;
using System.Net.Http.Headers;
using System.Security.Claims;
using System.Text;
using AirisEpm.ServiceDefaults.Security;
using AirisEpm.ServiceDefaults.Tests.Hosting;
using AirisEpm.TestSupport;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace AirisEpm.ServiceDefaults.Tests.Security;

/// <summary>ES256 tokens: only keys of the published set, this service's audience, unexpired, never HS256.</summary>
public sealed class TokenValidationTests
{
    private static readonly SigningKeyPair Old = SigningKeyPair.Generate("key-2026-01");
    private static readonly SigningKeyPair New = SigningKeyPair.Generate("key-2026-07");

    [Fact]
    public async Task A_token_of_a_published_key_for_this_audience_is_accepted()
    {
        await using var app = await StartAsync(SigningKeyPair.KeySet(Old.PublicJwk));
        Assert.Equal(HttpStatusCode.OK, await CallAsync(app, Mint(Old)));
    }

    [Fact]
    public async Task A_token_signed_by_an_unknown_key_is_401()
    {
        await using var app = await StartAsync(SigningKeyPair.KeySet(Old.PublicJwk));
        Assert.Equal(HttpStatusCode.Unauthorized, await CallAsync(app, Mint(New)));
    }

    [Fact]
    public async Task A_token_that_claims_a_published_key_id_but_was_signed_by_another_key_is_401()
    {
        await using var app = await StartAsync(SigningKeyPair.KeySet(Old.PublicJwk));
        var impostor = SigningKeyPair.Generate(Old.KeyId);
        Assert.Equal(HttpStatusCode.Unauthorized, await CallAsync(app, Mint(impostor)));
    }

    [Fact]
    public async Task An_expired_token_is_401()
    {
        await using var app = await StartAsync(SigningKeyPair.KeySet(Old.PublicJwk));
        var expired = Mint(Old, issuedAt: DateTime.UtcNow.AddHours(-1), lifetime: TimeSpan.FromMinutes(5));
        Assert.Equal(HttpStatusCode.Unauthorized, await CallAsync(app, expired));
    }

    [Fact]
    public async Task A_token_for_another_service_is_401()
    {
        await using var app = await StartAsync(SigningKeyPair.KeySet(Old.PublicJwk));
        Assert.Equal(HttpStatusCode.Unauthorized, await CallAsync(app, Mint(Old, audience: "metrics-service")));
    }

    [Fact]
    public async Task A_token_of_another_issuer_is_401()
    {
        await using var app = await StartAsync(SigningKeyPair.KeySet(Old.PublicJwk));
        Assert.Equal(HttpStatusCode.Unauthorized, await CallAsync(app, Mint(Old, issuer: "someone-else")));
    }

    [Fact]
    public async Task An_hs256_token_made_with_the_old_development_key_is_401()
    {
        await using var app = await StartAsync(DevelopmentKeys.Jwks);
        var oldKey = new SymmetricSecurityKey(Encoding.UTF8.GetBytes("airis-epm-local-development-signing-key-do-not-use-in-production"));
        var token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = "airis-epm",
            Audience = TestApp.AppId,
            Subject = new ClaimsIdentity([new Claim(Permissions.ClaimType, Permissions.Admin)]),
            Expires = DateTime.UtcNow.AddMinutes(5),
            SigningCredentials = new SigningCredentials(oldKey, SecurityAlgorithms.HmacSha256),
        });
        Assert.Equal(HttpStatusCode.Unauthorized, await CallAsync(app, token));
        Assert.Equal(HttpStatusCode.OK, await CallAsync(app, TestApp.Token("dev", Permissions.Admin)));
    }

    [Fact]
    public async Task An_unsigned_token_is_401()
    {
        await using var app = await StartAsync(SigningKeyPair.KeySet(Old.PublicJwk));
        var unsigned = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = "airis-epm",
            Audience = TestApp.AppId,
            Subject = new ClaimsIdentity([new Claim(Permissions.ClaimType, Permissions.Admin)]),
            Expires = DateTime.UtcNow.AddMinutes(5),
        });
        Assert.Equal(HttpStatusCode.Unauthorized, await CallAsync(app, unsigned));
    }

    /// <summary>
    /// Rotation without downtime: the new key is published beside the old one, a token naming it is
    /// accepted once the set is read again (a token with an unknown kid asks for that read), tokens of
    /// the old key stay valid until the old key is withdrawn.
    /// </summary>
    [Fact]
    public async Task Rotation_accepts_both_keys_while_both_are_published()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = await StartAsync(SigningKeyPair.KeySet(Old.PublicJwk), clock);
        var oldToken = Mint(Old);
        var newToken = Mint(New);
        Assert.Equal(HttpStatusCode.OK, await CallAsync(app, oldToken));
        Assert.Equal(HttpStatusCode.Unauthorized, await CallAsync(app, newToken));

        Publish(app, SigningKeyPair.KeySet(New.PublicJwk, Old.PublicJwk));
        clock.Advance(KeySetConfigurationManager.MinimumRefreshInterval);
        Assert.Equal(HttpStatusCode.OK, await CallAsync(app, newToken));
        Assert.Equal(HttpStatusCode.OK, await CallAsync(app, oldToken));

        Publish(app, SigningKeyPair.KeySet(New.PublicJwk));
        clock.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(HttpStatusCode.Unauthorized, await CallAsync(app, oldToken));
        Assert.Equal(HttpStatusCode.OK, await CallAsync(app, newToken));
    }

    /// <summary>A new key set, as a configuration reload delivers it.</summary>
    private static void Publish(WebApplication app, string jwks)
    {
        app.Configuration["Auth:Jwks"] = jwks;
        ((Microsoft.Extensions.Configuration.IConfigurationRoot)app.Configuration).Reload();
    }

    private static string Mint(
        SigningKeyPair pair, string audience = TestApp.AppId, string issuer = "airis-epm", DateTime? issuedAt = null, TimeSpan? lifetime = null) =>
        TokenIssuer.Mint(SigningKeys.ParsePrivateKey(pair.PrivateJwk), issuer, [audience], "alice", [Permissions.Admin],
            lifetime ?? TimeSpan.FromMinutes(5), issuedAt);

    private static Task<WebApplication> StartAsync(string jwks, TimeProvider? clock = null) => TestApp.StartAsync(
        app => app.MapGet("/secured", () => "ok").RequireAuthorization(Permissions.Admin),
        new Dictionary<string, string?> { ["Auth:UseDevelopmentKeys"] = "false", ["Auth:Jwks"] = jwks },
        builder =>
        {
            if (clock is not null) builder.Services.AddSingleton(clock);
        });

    private static async Task<HttpStatusCode> CallAsync(WebApplication app, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/secured");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await app.GetTestClient().SendAsync(request, TestContext.Current.CancellationToken);
        return response.StatusCode;
    }
}
