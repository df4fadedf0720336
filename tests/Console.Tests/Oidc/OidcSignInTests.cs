using System.Net;
using AirisEpm.Console.Tests.Support;
using AirisEpm.TestSupport;
using AirisEpm.DaprTestSidecar.Harness;
using AirisEpm.ServiceDefaults.Dapr;

namespace AirisEpm.Console.Tests.Oidc;

/// <summary>
/// Sign-in through an OpenID Connect provider (<see cref="TestOidcProvider"/>): the challenge (code flow with PKCE),
/// the provider's redirect back, the code exchange, and the session it ends in, with the role from the groups claim.
/// </summary>
public sealed class OidcSignInTests(OidcSignInTests.World world) : IClassFixture<OidcSignInTests.World>
{
    /// <summary>The console with OIDC on; the client secret in its configuration, or (a derived world) only in the secret store.</summary>
    public class World : ConsoleWorld
    {
        public TestOidcProvider Provider { get; private set; } = null!;

        /// <summary>Null: <c>Oidc:ClientSecret</c> is set; otherwise what the secret store holds as console-oidc-client-secret.</summary>
        protected virtual string? SecretInStore => null;

        public override async ValueTask InitializeAsync()
        {
            Provider = await TestOidcProvider.StartAsync();
            Environment = await DaprTestEnvironment.StartAsync(o =>
            {
                if (SecretInStore is { } secret) o.SecretOverrides[AirisEpm.WebConsole.Auth.OidcOptions.ClientSecretName] = secret;
            });
            var settings = new Dictionary<string, string?>
            {
                ["Console:AdminPassword"] = AdminPassword,
                ["Oidc:Authority"] = Provider.Issuer.ToString().TrimEnd('/'),
                ["Oidc:ClientId"] = TestOidcProvider.ClientId,
                ["Oidc:RequireHttpsMetadata"] = "false",
                ["Oidc:RoleClaim"] = "groups",
                ["Oidc:RoleMap:airis-editors"] = "editor",
                ["Oidc:DefaultRole"] = "",
            };
            if (SecretInStore is null) settings["Oidc:ClientSecret"] = TestOidcProvider.ClientSecret;
            Console = await Environment.StartServiceAsync<Program>(AppIds.Console, settings);
        }

        public override async ValueTask DisposeAsync()
        {
            await base.DisposeAsync();
            await Provider.DisposeAsync();
        }
    }

    [Fact]
    public async Task The_code_flow_ends_in_a_session_with_the_mapped_role()
    {
        world.Provider.NextUser = ("u-7", "olivia", ["staff", "airis-editors"]);
        using var client = world.Client();
        using (var unsigned = await client.GetAsync("/api/session"))
        {
            Assert.Equal(["local", "oidc"], (await ConsoleClient.JsonAsync(unsigned)).GetProperty("methods").EnumerateArray().Select(m => m.GetString()));
        }

        var callback = await AuthorizeAsync(world, client, "/alerts?tab=silences");
        using var back = await client.GetAsync(callback.PathAndQuery);

        Assert.Equal(HttpStatusCode.Redirect, back.StatusCode);
        Assert.Equal("/alerts?tab=silences", back.Headers.Location!.OriginalString);
        Assert.Equal([(true, true)], world.Provider.TokenRequests.TakeLast(1));
        using var session = await client.GetAsync("/api/session");
        Assert.Equal(HttpStatusCode.OK, session.StatusCode);
        var body = await ConsoleClient.JsonAsync(session);
        Assert.Equal("olivia", body.GetProperty("name").GetString());
        Assert.Equal("editor", body.GetProperty("role").GetString());
        Assert.Contains("alerts:write", body.GetProperty("permissions").EnumerateArray().Select(p => p.GetString()));
    }

    [Fact]
    public async Task A_person_without_a_console_role_is_refused()
    {
        world.Provider.NextUser = ("u-8", "peter", ["staff"]);
        using var client = world.Client();
        var callback = await AuthorizeAsync(world, client, "/");
        using var back = await client.GetAsync(callback.PathAndQuery);

        Assert.Equal(HttpStatusCode.Redirect, back.StatusCode);
        Assert.StartsWith("/?signin-error=", back.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Contains("has%20no%20console%20role", back.Headers.Location!.OriginalString, StringComparison.Ordinal);
        using var session = await client.GetAsync("/api/session");
        Assert.Equal(HttpStatusCode.Unauthorized, session.StatusCode);
    }

    [Fact]
    public async Task A_return_url_of_another_site_is_refused()
    {
        using var client = world.Client();
        using var response = await client.GetAsync("/api/session/oidc?returnUrl=//evil.example/");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    /// <summary>The challenge, checked, then the provider's authorize step (as the browser follows it): the callback URL.</summary>
    internal static async Task<Uri> AuthorizeAsync(World world, ConsoleClient client, string returnUrl)
    {
        using var challenge = await client.GetAsync("/api/session/oidc?returnUrl=" + Uri.EscapeDataString(returnUrl));
        Assert.Equal(HttpStatusCode.Redirect, challenge.StatusCode);
        var authorize = challenge.Headers.Location!;
        Assert.StartsWith(new Uri(world.Provider.Issuer, "authorize").ToString(), authorize.ToString(), StringComparison.Ordinal);
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(authorize.Query);
        Assert.Equal(TestOidcProvider.ClientId, query["client_id"]);
        Assert.Equal("code", query["response_type"]);
        Assert.Equal("S256", query["code_challenge_method"]);
        Assert.Equal(new Uri(client.BaseAddress, "/signin-oidc").ToString(), query["redirect_uri"]);

        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        using var redirect = await browser.GetAsync(authorize, ConsoleClient.Ct);
        Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
        return redirect.Headers.Location!;
    }
}
