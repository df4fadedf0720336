using AirisEpm.DaprTestSidecar.Harness;
using AirisEpm.DaprTestSidecar.Hosting;
using AirisEpm.ServiceDefaults.Dapr;
using AirisEpm.WebConsole.Auth;
using Dapr.Client;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace AirisEpm.Console.Tests.Auth;

/// <summary>
/// The throttle against the console's state store through test sidecars, as two replicas see it: each replica has its own
/// sidecar and client, and they share the store (one app id), as console replicas behind a load balancer do.
/// </summary>
public sealed class LoginThrottleTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.Parse("2026-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
    private DaprTestEnvironment _environment = null!;
    private DaprClient? _client; // the last replica's

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _environment = await DaprTestEnvironment.StartAsync();

    public async ValueTask DisposeAsync() => await _environment.DisposeAsync();

    [Fact]
    public async Task The_free_failures_pass_then_the_delay_doubles_up_to_the_cap()
    {
        var throttle = await ReplicaAsync();
        var delays = new List<TimeSpan?>();
        for (var failure = 1; failure <= 8; failure++)
        {
            await throttle.FailedAsync("alice", "10.0.0.1", Ct);
            delays.Add(await throttle.RetryAfterAsync("alice", "10.0.0.2", Ct));
            _clock.Advance(TimeSpan.FromSeconds(30));
        }

        Assert.Equal(
            [null, null, null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(8), TimeSpan.FromSeconds(8)],
            delays);
    }

    [Fact]
    public async Task Failures_on_two_replicas_add_up_and_a_success_on_either_clears_the_account()
    {
        var (first, second) = (await ReplicaAsync(), await ReplicaAsync());
        await first.FailedAsync("alice", "10.0.0.1", Ct);
        await second.FailedAsync("alice", "10.0.0.2", Ct);
        await first.FailedAsync("alice", "10.0.0.3", Ct);
        Assert.Null(await second.RetryAfterAsync("alice", "10.0.0.4", Ct));

        await second.FailedAsync("alice", "10.0.0.4", Ct);
        await first.FailedAsync("alice", "10.0.0.5", Ct);

        // Five failures, three free: the second replica blocks for 2 s though it saw only two of them.
        Assert.Equal(TimeSpan.FromSeconds(2), await second.RetryAfterAsync("alice", "10.0.0.6", Ct));
        Assert.Equal(TimeSpan.FromSeconds(2), await first.RetryAfterAsync("ALICE", "10.0.0.6", Ct));
        await first.SucceededAsync("Alice", Ct);
        Assert.Null(await second.RetryAfterAsync("alice", "10.0.0.6", Ct));
    }

    [Fact]
    public async Task Concurrent_failures_on_two_replicas_are_each_counted_once()
    {
        var (first, second) = (await ReplicaAsync(), await ReplicaAsync());

        // 2 × 6 failures at once from one address, ten free: ETag conflicts make each count read again, none is lost.
        await Task.WhenAll(Enumerable.Range(0, 6).SelectMany(i => new[]
        {
            first.FailedAsync($"user{i}", "10.0.0.9", Ct),
            second.FailedAsync($"other{i}", "10.0.0.9", Ct),
        }));

        // The 12th failure is the second past the free ten: 2 s (an 11th alone would be 1 s).
        Assert.Equal(TimeSpan.FromSeconds(2), await second.RetryAfterAsync("somebody-else", "10.0.0.9", Ct));
        Assert.Null(await first.RetryAfterAsync("somebody-else", "10.0.0.10", Ct));
    }

    [Fact]
    public async Task A_burst_of_fifty_failures_from_one_address_on_one_replica_is_counted_whole()
    {
        var throttle = await ReplicaAsync();

        // Fifty at once would race each other for the address key's ETag (20 attempts each) without taking turns.
        await Task.WhenAll(Enumerable.Range(0, 50).Select(i => throttle.FailedAsync($"guess{i}", "10.0.2.1", Ct)));

        var stored = await _client!.GetStateAsync<ThrottleCount>(DaprComponents.StateStore, "console-login|address:10.0.2.1", cancellationToken: Ct);
        Assert.Equal(50, stored.Failures);
        Assert.Equal(TimeSpan.FromSeconds(8), await throttle.RetryAfterAsync("somebody-else", "10.0.2.1", Ct)); // at the cap
    }

    [Fact]
    public async Task A_block_runs_out_and_failures_are_forgotten_after_a_quiet_spell()
    {
        var throttle = await ReplicaAsync();
        for (var failure = 1; failure <= 5; failure++) await throttle.FailedAsync("bob", "10.0.1.1", Ct);
        Assert.Equal(TimeSpan.FromSeconds(2), await throttle.RetryAfterAsync("bob", "10.0.1.1", Ct));

        _clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Null(await throttle.RetryAfterAsync("bob", "10.0.1.1", Ct));

        _clock.Advance(TimeSpan.FromMinutes(16));
        await throttle.FailedAsync("bob", "10.0.1.1", Ct);
        Assert.Null(await throttle.RetryAfterAsync("bob", "10.0.1.1", Ct));
    }

    [Fact]
    public void The_count_doubles_past_the_free_failures_and_restarts_after_forget_after()
    {
        var settings = new LoginThrottleOptions { BaseDelay = TimeSpan.FromSeconds(1), MaxDelay = TimeSpan.FromSeconds(8) };
        var now = _clock.GetUtcNow();
        ThrottleCount? count = null;
        for (var i = 0; i < 3; i++) count = ThrottleCount.AfterFailure(count, free: 2, now, settings);

        Assert.Equal(new ThrottleCount(3, now, now + TimeSpan.FromSeconds(1)), count);
        Assert.Equal(TimeSpan.FromSeconds(1), count!.BlockedFor(now));
        Assert.Equal(new ThrottleCount(1, now + settings.ForgetAfter, now + settings.ForgetAfter),
            ThrottleCount.AfterFailure(count, free: 2, now + settings.ForgetAfter, settings));
    }

    /// <summary>A console replica: its own sidecar of the console's app id, the real SDK, the real throttle.</summary>
    private async Task<LoginThrottle> ReplicaAsync()
    {
        var sidecar = await _environment.Mesh.StartSidecarAsync(AppIds.Console, new SidecarOptions { DaprApiToken = "dapr-" + Guid.NewGuid().ToString("N") });
        var client = _client = new DaprClientBuilder()
            .UseGrpcEndpoint(sidecar.GrpcEndpoint.ToString())
            .UseHttpEndpoint(sidecar.HttpEndpoint.ToString())
            .UseDaprApiToken(sidecar.Options.DaprApiToken!)
            .Build();
        var options = new LoginThrottleOptions { AccountFreeFailures = 3, AddressFreeFailures = 10, BaseDelay = TimeSpan.FromSeconds(1), MaxDelay = TimeSpan.FromSeconds(8) };
        return new LoginThrottle(client, Options.Create(options), _clock);
    }
}
