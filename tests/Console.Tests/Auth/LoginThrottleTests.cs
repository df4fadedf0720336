using AirisEpm.WebConsole.Auth;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace AirisEpm.Console.Tests.Auth;

public sealed class LoginThrottleTests
{
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.Parse("2026-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));

    private LoginThrottle Throttle(Action<LoginThrottleOptions>? change = null)
    {
        var options = new LoginThrottleOptions { AccountFreeFailures = 3, AddressFreeFailures = 10, BaseDelay = TimeSpan.FromSeconds(1), MaxDelay = TimeSpan.FromSeconds(8) };
        change?.Invoke(options);
        return new LoginThrottle(Options.Create(options), _clock);
    }

    [Fact]
    public void The_free_failures_pass_then_the_delay_doubles_up_to_the_cap()
    {
        var throttle = Throttle();
        var delays = new List<TimeSpan?>();
        for (var failure = 1; failure <= 8; failure++)
        {
            throttle.Failed("alice", "10.0.0.1");
            delays.Add(throttle.RetryAfter("alice", "10.0.0.2"));
            _clock.Advance(TimeSpan.FromSeconds(30));
        }

        Assert.Equal(
            [null, null, null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(8), TimeSpan.FromSeconds(8)],
            delays);
    }

    [Fact]
    public void A_block_runs_out_and_a_success_clears_the_account()
    {
        var throttle = Throttle();
        for (var failure = 1; failure <= 5; failure++) throttle.Failed("alice", "10.0.0.1");
        Assert.Equal(TimeSpan.FromSeconds(2), throttle.RetryAfter("alice", "10.0.0.1"));

        _clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Null(throttle.RetryAfter("alice", "10.0.0.1"));

        throttle.Succeeded("ALICE");
        throttle.Failed("alice", "10.0.0.1");
        Assert.Null(throttle.RetryAfter("alice", "10.0.0.1"));
    }

    [Fact]
    public void Failures_are_forgotten_after_a_quiet_spell()
    {
        var throttle = Throttle();
        for (var failure = 1; failure <= 3; failure++) throttle.Failed("alice", "10.0.0.1");
        _clock.Advance(TimeSpan.FromMinutes(16));
        throttle.Failed("alice", "10.0.0.1");
        Assert.Null(throttle.RetryAfter("alice", "10.0.0.1"));
    }

    [Fact]
    public void One_address_guessing_many_names_is_paused_for_every_name()
    {
        var throttle = Throttle();
        for (var name = 0; name < 11; name++) throttle.Failed($"user{name}", "10.0.0.9");

        Assert.Equal(TimeSpan.FromSeconds(1), throttle.RetryAfter("somebody-else", "10.0.0.9"));
        Assert.Null(throttle.RetryAfter("somebody-else", "10.0.0.10"));
    }

    [Fact]
    public void A_full_table_drops_forgotten_entries_and_keeps_counting_addresses()
    {
        var throttle = Throttle(o => o.MaxTracked = 4);
        throttle.Failed("a", "10.0.0.1");
        throttle.Failed("b", "10.0.0.1");
        throttle.Failed("c", "10.0.0.1");
        _clock.Advance(TimeSpan.FromMinutes(20));
        for (var failure = 1; failure <= 4; failure++) throttle.Failed("d", "10.0.0.2");

        Assert.Equal(TimeSpan.FromSeconds(1), throttle.RetryAfter("d", "10.0.0.3"));
    }
}
