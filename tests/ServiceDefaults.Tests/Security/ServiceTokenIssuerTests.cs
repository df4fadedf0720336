using AirisEpm.ServiceDefaults.Dapr;
using AirisEpm.ServiceDefaults.Security;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.JsonWebTokens;

namespace AirisEpm.ServiceDefaults.Tests.Security;

/// <summary>The issuer's short-lived tokens, on its own behalf or on a person's (the console's calls).</summary>
public sealed class ServiceTokenIssuerTests
{
    private static readonly SigningKeyPair Keys = SigningKeyPair.Generate("issuer-test-key");
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);

    private ServiceTokenIssuer Issuer()
    {
        var options = new AuthOptions { SigningKey = Keys.PrivateJwk, ServiceTokenLifetime = TimeSpan.FromMinutes(5) };
        var monitor = new StaticMonitor(options);
        var source = new AuthKeySource(monitor, new DaprSecrets(new global::Dapr.Client.DaprClientBuilder().Build()));
        return new ServiceTokenIssuer(source, Options.Create(options), _clock, AppIds.Console);
    }

    [Fact]
    public async Task A_token_on_a_persons_behalf_names_the_person_and_each_person_gets_their_own()
    {
        using var issuer = Issuer();
        var alice = await issuer.TokenForAsync(AppIds.MetricsService, [Permissions.MetricsRead], TestContext.Current.CancellationToken, onBehalfOf: "alice");
        var bob = await issuer.TokenForAsync(AppIds.MetricsService, [Permissions.MetricsRead], TestContext.Current.CancellationToken, onBehalfOf: "bob");
        var own = await issuer.TokenForAsync(AppIds.MetricsService, [Permissions.MetricsRead], TestContext.Current.CancellationToken);

        var handler = new JsonWebTokenHandler();
        Assert.Equal("alice", handler.ReadJsonWebToken(alice).Subject);
        Assert.Equal("bob", handler.ReadJsonWebToken(bob).Subject);
        Assert.Equal(AppIds.Console, handler.ReadJsonWebToken(own).Subject);
        Assert.Equal(alice, await issuer.TokenForAsync(AppIds.MetricsService, [Permissions.MetricsRead], TestContext.Current.CancellationToken, onBehalfOf: "alice"));
    }

    [Fact]
    public async Task A_token_is_made_again_after_half_its_life()
    {
        using var issuer = Issuer();
        var first = await issuer.TokenForAsync(AppIds.AlertService, [Permissions.AlertsRead], TestContext.Current.CancellationToken, onBehalfOf: "alice");
        _clock.Advance(TimeSpan.FromMinutes(3));
        var second = await issuer.TokenForAsync(AppIds.AlertService, [Permissions.AlertsRead], TestContext.Current.CancellationToken, onBehalfOf: "alice");

        Assert.NotEqual(first, second);
        var token = new JsonWebTokenHandler().ReadJsonWebToken(second);
        Assert.Equal(TimeSpan.FromMinutes(5), token.ValidTo - token.IssuedAt);
    }

    private sealed class StaticMonitor(AuthOptions value) : IOptionsMonitor<AuthOptions>
    {
        public AuthOptions CurrentValue => value;

        public AuthOptions Get(string? name) => value;

        public IDisposable? OnChange(Action<AuthOptions, string?> listener) => null;
    }
}
