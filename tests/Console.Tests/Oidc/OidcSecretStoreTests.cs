using System.Net;
using AirisEpm.TestSupport;

namespace AirisEpm.Console.Tests.Oidc;

/// <summary>
/// No <c>Oidc:ClientSecret</c> in configuration: the console reads the client secret from the Dapr secret store
/// (console-oidc-client-secret) when it redeems the code, and the provider sees the right one.
/// </summary>
public sealed class OidcSecretStoreTests(OidcSecretStoreTests.StoreWorld world) : IClassFixture<OidcSecretStoreTests.StoreWorld>
{
    public sealed class StoreWorld : OidcSignInTests.World
    {
        protected override string? SecretInStore => TestOidcProvider.ClientSecret;
    }

    [Fact]
    public async Task The_code_is_redeemed_with_the_client_secret_from_the_secret_store()
    {
        world.Provider.NextUser = ("u-9", "sofia", ["airis-editors"]);
        using var client = world.Client();
        var callback = await OidcSignInTests.AuthorizeAsync(world, client, "/");
        using var back = await client.GetAsync(callback.PathAndQuery);

        Assert.Equal(HttpStatusCode.Redirect, back.StatusCode);
        Assert.Equal("/", back.Headers.Location!.OriginalString);
        Assert.Equal([(true, true)], world.Provider.TokenRequests.TakeLast(1));
        using var session = await client.GetAsync("/api/session");
        Assert.Equal(HttpStatusCode.OK, session.StatusCode);
        Assert.Equal("sofia", (await ConsoleClient.JsonAsync(session)).GetProperty("name").GetString());
    }
}

/// <summary>An empty secret in the store (the compose template's): the code is redeemed without one, which this provider refuses.</summary>
public sealed class OidcNoSecretTests(OidcNoSecretTests.NoSecretWorld world) : IClassFixture<OidcNoSecretTests.NoSecretWorld>
{
    public sealed class NoSecretWorld : OidcSignInTests.World
    {
        protected override string? SecretInStore => "";
    }

    [Fact]
    public async Task The_token_request_carries_no_secret_and_the_sign_in_fails_readably()
    {
        world.Provider.NextUser = ("u-10", "tomas", ["airis-editors"]);
        using var client = world.Client();
        var callback = await OidcSignInTests.AuthorizeAsync(world, client, "/");
        using var back = await client.GetAsync(callback.PathAndQuery);

        Assert.Equal(HttpStatusCode.Redirect, back.StatusCode);
        Assert.StartsWith("/?signin-error=", back.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal([(false, true)], world.Provider.TokenRequests.TakeLast(1)); // the PKCE verifier right, no secret
        using var session = await client.GetAsync("/api/session");
        Assert.Equal(HttpStatusCode.Unauthorized, session.StatusCode);
    }
}
