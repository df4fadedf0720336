using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace AirisEpm.Console.Tests.Oidc;

/// <summary>
/// The smallest OpenID Connect provider the console's code flow needs, on Kestrel: discovery, a JWKS with one RS256 key,
/// an authorize endpoint that signs in <see cref="NextUser"/> at once (recording the nonce and PKCE challenge), and a
/// token endpoint that checks the client secret, the code and the PKCE verifier before it answers an id_token.
/// </summary>
public sealed class TestOidcProvider : IAsyncDisposable
{
    public const string ClientId = "airis-console";
    public const string ClientSecret = "client-secret-for-tests";

    private readonly RsaSecurityKey _key = new(RSA.Create(2048)) { KeyId = "test-oidc-key" };
    private readonly ConcurrentDictionary<string, Grant> _grants = new(StringComparer.Ordinal);
    private WebApplication? _app;

    public Uri Issuer { get; private set; } = null!;

    /// <summary>Who the next authorization signs in: the subject and the values of its <c>groups</c> claim.</summary>
    public (string Subject, string Name, string[] Groups) NextUser { get; set; } = ("u-1", "olivia", ["airis-editors"]);

    /// <summary>Every token request, with whether its secret and PKCE verifier checked out.</summary>
    public ConcurrentQueue<(bool SecretOk, bool VerifierOk)> TokenRequests { get; } = new();

    public static async Task<TestOidcProvider> StartAsync()
    {
        var provider = new TestOidcProvider();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapGet("/.well-known/openid-configuration", () => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = provider.Issuer.ToString().TrimEnd('/'),
            ["authorization_endpoint"] = new Uri(provider.Issuer, "authorize").ToString(),
            ["token_endpoint"] = new Uri(provider.Issuer, "token").ToString(),
            ["jwks_uri"] = new Uri(provider.Issuer, "jwks").ToString(),
            ["response_types_supported"] = new[] { "code" },
            ["subject_types_supported"] = new[] { "public" },
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
            ["code_challenge_methods_supported"] = new[] { "S256" },
        }));
        app.MapGet("/jwks", () =>
        {
            var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(provider._key);
            return Results.Json(new { keys = new[] { new { kty = jwk.Kty, kid = jwk.Kid, use = "sig", alg = "RS256", n = jwk.N, e = jwk.E } } });
        });
        app.MapGet("/authorize", provider.Authorize);
        app.MapPost("/token", provider.TokenAsync);
        await app.StartAsync();
        provider._app = app;
        provider.Issuer = new Uri(app.Urls.First().TrimEnd('/') + "/");
        return provider;
    }

    private IResult Authorize(HttpRequest request)
    {
        var q = request.Query;
        var code = Guid.NewGuid().ToString("N");
        _grants[code] = new Grant(q["nonce"].ToString(), q["code_challenge"].ToString(), q["redirect_uri"].ToString(), NextUser);
        return Results.Redirect($"{q["redirect_uri"]}?code={code}&state={Uri.EscapeDataString(q["state"].ToString())}");
    }

    private async Task<IResult> TokenAsync(HttpRequest request)
    {
        var form = await request.ReadFormAsync();
        var secretOk = form["client_id"] == ClientId && form["client_secret"] == ClientSecret;
        if (!_grants.TryRemove(form["code"].ToString(), out var grant) || form["grant_type"] != "authorization_code" || form["redirect_uri"] != grant.RedirectUri)
        {
            TokenRequests.Enqueue((secretOk, false));
            return Results.Json(new { error = "invalid_grant" }, statusCode: 400);
        }

        var verifierOk = Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(form["code_verifier"].ToString()))) == grant.Challenge;
        TokenRequests.Enqueue((secretOk, verifierOk));
        if (!secretOk || !verifierOk) return Results.Json(new { error = "invalid_client" }, statusCode: 400);

        var accessToken = Guid.NewGuid().ToString("N");
        var hash = SHA256.HashData(Encoding.ASCII.GetBytes(accessToken));
        var now = DateTime.UtcNow;
        var idToken = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer.ToString().TrimEnd('/'),
            Audience = ClientId,
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddMinutes(5),
            Claims = new Dictionary<string, object>
            {
                ["sub"] = grant.User.Subject,
                ["preferred_username"] = grant.User.Name,
                ["groups"] = grant.User.Groups,
                ["nonce"] = grant.Nonce,
                ["at_hash"] = Base64UrlEncoder.Encode(hash[..(hash.Length / 2)]),
            },
            SigningCredentials = new SigningCredentials(_key, SecurityAlgorithms.RsaSha256),
        });
        return Results.Json(new Dictionary<string, object>
        {
            ["access_token"] = accessToken,
            ["token_type"] = "Bearer",
            ["expires_in"] = 300,
            ["id_token"] = idToken,
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
        _key.Rsa.Dispose();
    }

    private sealed record Grant(string Nonce, string Challenge, string RedirectUri, (string Subject, string Name, string[] Groups) User);
}
