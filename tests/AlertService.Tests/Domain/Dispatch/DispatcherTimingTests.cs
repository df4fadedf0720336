using AirisEpm.AlertService.Domain.Alerts;
using AirisEpm.AlertService.Domain.Dispatch;
using AirisEpm.AlertService.Domain.Silences;
using AirisEpm.PromQl.Model;
using Microsoft.Extensions.Time.Testing;

namespace AirisEpm.AlertService.Tests.Domain.Dispatch;

/// <summary>When flushes fall due: group_interval counts from when a flush was due, as Alertmanager's timer resets when it fires.</summary>
public sealed class DispatcherTimingTests
{
    private static readonly TimeSpan GroupWait = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan GroupInterval = TimeSpan.FromMinutes(5);

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 2, 10, 0, 0, TimeSpan.Zero));
    private readonly AlertStore _store = new();
    private readonly Dispatcher _dispatcher = new(DispatcherTests.Config());

    private DateTimeOffset Now => _clock.GetUtcNow();

    private void Fire(string instance) =>
        _dispatcher.Ingest(_store.Put(new PostedAlert(LabelSet.From(("alertname", "HighCpu"), ("instance", instance)), EndsAt: Now.AddHours(1)), Now), Now);

    [Fact]
    public void A_late_turn_does_not_push_the_next_flush_back()
    {
        var start = Now;
        Fire("a");
        Assert.Equal(start + GroupWait, _dispatcher.NextFlushAt);

        _clock.Advance(GroupWait + TimeSpan.FromMilliseconds(900)); // the turn ran 0.9 s after the flush was due
        Assert.Single(_dispatcher.Tick(Now, AlertMuter.None));

        Assert.Equal(start + GroupWait + GroupInterval, _dispatcher.NextFlushAt);
    }

    [Fact]
    public void A_flush_overdue_by_more_than_an_interval_waits_a_whole_interval_from_now()
    {
        Fire("a");
        _clock.Advance(GroupWait + GroupInterval + TimeSpan.FromMinutes(1)); // the engine was down past the next flush
        Assert.Single(_dispatcher.Tick(Now, AlertMuter.None));

        Assert.Equal(Now + GroupInterval, _dispatcher.NextFlushAt);
    }

    [Fact]
    public void Nothing_is_due_without_groups() => Assert.Null(_dispatcher.NextFlushAt);
}
