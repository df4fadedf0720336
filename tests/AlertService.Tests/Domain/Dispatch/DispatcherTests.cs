using AirisEpm.AlertService.Domain.Alerts;
using AirisEpm.AlertService.Domain.Configuration;
using AirisEpm.AlertService.Domain.Dispatch;
using AirisEpm.AlertService.Domain.Inhibition;
using AirisEpm.PromQl.Model;
using AirisEpm.AlertService.Domain.Routing;
using AirisEpm.AlertService.Domain.Silences;
using AirisEpm.AlertService.Domain.TimeIntervals;
using Microsoft.Extensions.Time.Testing;

namespace AirisEpm.AlertService.Tests.Domain.Dispatch;

public sealed class DispatcherTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 2, 10, 0, 0, TimeSpan.Zero)); // a Monday
    private readonly AlertStore _store = new();
    private readonly Dispatcher _dispatcher;

    public DispatcherTests() => _dispatcher = new Dispatcher(Config());

    private DateTimeOffset Now => _clock.GetUtcNow();

    internal static AlertingConfig Config(RouteConfig? child = null, bool sendResolved = true, IReadOnlyDictionary<string, IReadOnlyList<TimeInterval>>? intervals = null) =>
        AlertingConfig.Create(
            new RouteConfig { Receiver = "team", GroupBy = ["alertname"], Routes = child is null ? [] : [child] },
            [Receiver.Named("team") with { WebhookConfigs = [new WebhookConfig(SendResolved: sendResolved)] }, Receiver.Named("night")],
            timeIntervals: intervals);

    private Alert Post(string alertname, string instance, DateTimeOffset? endsAt = null)
    {
        var alert = _store.Put(new PostedAlert(LabelSet.From(("alertname", alertname), ("instance", instance)), EndsAt: endsAt), Now);
        _dispatcher.Ingest(alert, Now);
        return alert;
    }

    /// <summary>Fires with an explicit end an hour away, so resolve_timeout does not interfere.</summary>
    private Alert Fire(string alertname, string instance) => Post(alertname, instance, Now.AddHours(1));

    private IReadOnlyList<NotificationDue> AdvanceAndTick(TimeSpan by, IAlertMuter? muter = null)
    {
        _clock.Advance(by);
        return _dispatcher.Tick(Now, muter ?? AlertMuter.None);
    }

    [Fact]
    public void Group_wait_collects_alerts_into_one_first_notification()
    {
        Post("HighCpu", "a");
        Assert.Empty(AdvanceAndTick(TimeSpan.FromSeconds(20)));
        Post("HighCpu", "b");
        Post("DiskFull", "a");
        Assert.Empty(AdvanceAndTick(TimeSpan.FromSeconds(9)));

        var due = AdvanceAndTick(TimeSpan.FromSeconds(1)); // 30s after the first alert
        var cpu = Assert.Single(due);
        Assert.Equal("team", cpu.Receiver);
        Assert.Equal("{}:{alertname=\"HighCpu\"}", cpu.GroupKey);
        Assert.Equal(2, cpu.Firing.Count);
        Assert.Equal(LabelSet.From(("alertname", "HighCpu")), cpu.GroupLabels);
        Assert.Single(AdvanceAndTick(TimeSpan.FromSeconds(20))); // DiskFull group waited its own 30s
    }

    [Fact]
    public void Group_interval_paces_updates_and_repeat_interval_resends_unchanged_groups()
    {
        Fire("HighCpu", "a");
        Assert.Single(AdvanceAndTick(TimeSpan.FromSeconds(30)));
        _clock.Advance(TimeSpan.FromMinutes(1));
        Fire("HighCpu", "b");
        Assert.Empty(AdvanceAndTick(TimeSpan.FromMinutes(3))); // 4m30s: interval not over
        var update = Assert.Single(AdvanceAndTick(TimeSpan.FromMinutes(1))); // 5m30s
        Assert.Equal(2, update.Firing.Count);

        // Unchanged: flushes every 5m send nothing until 4h since the last notification passed.
        var sent = new List<DateTimeOffset>();
        for (var i = 0; i < 50; i++)
        {
            Fire("HighCpu", "a"); // Prometheus-style re-send keeps both alive
            Fire("HighCpu", "b");
            sent.AddRange(AdvanceAndTick(TimeSpan.FromMinutes(5)).Select(n => n.At));
        }
        var repeat = Assert.Single(sent);
        Assert.Equal(update.At + TimeSpan.FromHours(4) + TimeSpan.FromMinutes(5), repeat); // first 5m flush strictly after 4h
    }

    [Fact]
    public void Resolution_is_notified_then_the_group_is_deleted()
    {
        Post("HighCpu", "a");
        Post("HighCpu", "b");
        AdvanceAndTick(TimeSpan.FromSeconds(30));
        _clock.Advance(TimeSpan.FromMinutes(1));
        Post("HighCpu", "a", endsAt: Now);
        Post("HighCpu", "b"); // refreshed: now times out at 6m30s
        var partial = Assert.Single(AdvanceAndTick(TimeSpan.FromMinutes(4)));
        Assert.Equal(["b"], partial.Firing.Select(a => a.Labels["instance"]));
        Assert.Equal(["a"], partial.Resolved.Select(a => a.Labels["instance"]));
        _dispatcher.Report(partial, [], Now);

        // b is not re-sent again: it times out after resolve_timeout and the all-resolved notice goes out.
        var final = Assert.Single(AdvanceAndTick(TimeSpan.FromMinutes(5)));
        Assert.Equal(AlertState.Resolved, final.Status);
        Assert.Equal(["b"], final.Resolved.Select(a => a.Labels["instance"]));
        Assert.NotEmpty(_dispatcher.Groups); // until the resolved notice is delivered
        _dispatcher.Report(final, [], Now);
        Assert.Empty(_dispatcher.Groups);
        Assert.Null(_dispatcher.NextFlushAt);
    }

    [Fact]
    public void Newly_resolved_alert_alone_is_not_notified_when_receiver_does_not_want_resolved()
    {
        var dispatcher = new Dispatcher(Config(sendResolved: false));
        var a = _store.Put(new PostedAlert(LabelSet.From(("alertname", "X"), ("i", "a"))), Now);
        var b = _store.Put(new PostedAlert(LabelSet.From(("alertname", "X"), ("i", "b"))), Now);
        dispatcher.Ingest(a, Now);
        dispatcher.Ingest(b, Now);
        _clock.Advance(TimeSpan.FromSeconds(30));
        Assert.Single(dispatcher.Tick(Now, AlertMuter.None));
        dispatcher.Ingest(_store.Put(new PostedAlert(a.Labels, EndsAt: Now), Now), Now);
        dispatcher.Ingest(_store.Put(new PostedAlert(b.Labels, EndsAt: Now.AddHours(1)), Now), Now);
        _clock.Advance(TimeSpan.FromMinutes(5));
        Assert.Empty(dispatcher.Tick(Now, AlertMuter.None));
    }

    [Fact]
    public void Silenced_and_inhibited_alerts_are_left_out_and_an_all_muted_group_is_not_notified()
    {
        var silences = new SilenceStore();
        silences.Set(new SilenceRequest(AlertmanagerMatchers.Parse("instance=~\"a|b\""), Now, Now.AddHours(1), "ops", "maint"), Now);
        var critical = Post("Down", "c");
        var rule = new InhibitRule(AlertmanagerMatchers.Parse("alertname=Down"), AlertmanagerMatchers.Parse("alertname=HighCpu"), []);
        Post("HighCpu", "a");
        Post("HighCpu", "d");
        _clock.Advance(TimeSpan.FromSeconds(30));
        var muter = new AlertMuter(silences, new Inhibitor([rule], _store.All, Now));
        var due = _dispatcher.Tick(Now, muter);
        Assert.Equal([critical.Fingerprint], due.Single().Firing.Select(a => a.Fingerprint)); // HighCpu a silenced, d inhibited
    }

    [Fact]
    public void Mute_time_interval_holds_notifications_until_it_ends()
    {
        var lunch = new TimeInterval { Times = [TimeIntervalParser.ParseTimes("10:00", "10:10")] };
        var config = Config(
            new RouteConfig { Matchers = AlertmanagerMatchers.Parse("alertname=Batch"), Receiver = "night", MuteTimeIntervals = ["lunch"] },
            intervals: new Dictionary<string, IReadOnlyList<TimeInterval>> { ["lunch"] = [lunch] });
        var dispatcher = new Dispatcher(config);
        dispatcher.Ingest(_store.Put(new PostedAlert(LabelSet.From(("alertname", "Batch")), EndsAt: Now.AddHours(1)), Now), Now);
        _clock.Advance(TimeSpan.FromSeconds(30));
        Assert.Empty(dispatcher.Tick(Now, AlertMuter.None)); // 10:00:30 muted
        dispatcher.Ingest(_store.Put(new PostedAlert(LabelSet.From(("alertname", "Batch")), EndsAt: Now.AddHours(1)), Now), Now);
        _clock.Advance(TimeSpan.FromMinutes(5));
        Assert.Empty(dispatcher.Tick(Now, AlertMuter.None)); // 10:05:30 muted
        dispatcher.Ingest(_store.Put(new PostedAlert(LabelSet.From(("alertname", "Batch")), EndsAt: Now.AddHours(1)), Now), Now);
        _clock.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal("night", Assert.Single(dispatcher.Tick(Now, AlertMuter.None)).Receiver); // 10:10:30
    }

    [Fact]
    public void Old_alert_skips_group_wait_and_failed_notification_is_resent_on_next_flush()
    {
        var old = _store.Put(new PostedAlert(LabelSet.From(("alertname", "Old")), StartsAt: Now.AddMinutes(-10)), Now);
        _dispatcher.Ingest(old, Now);
        var first = Assert.Single(_dispatcher.Tick(Now, AlertMuter.None));
        _dispatcher.Report(first, first.Integrations, Now);
        _clock.Advance(TimeSpan.FromMinutes(1));
        _dispatcher.Ingest(_store.Put(new PostedAlert(old.Labels), Now), Now);
        Assert.Single(AdvanceAndTick(TimeSpan.FromMinutes(4)));
    }
}

public sealed class DispatcherSnapshotTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 2, 10, 0, 0, TimeSpan.Zero));

    private DateTimeOffset Now => _clock.GetUtcNow();

    [Fact]
    public void Restored_dispatcher_does_not_page_again_for_what_was_already_sent()
    {
        var config = DispatcherTests.Config();
        var before = new Dispatcher(config);
        var alert = new Alert(LabelSet.From(("alertname", "X")), LabelSet.Empty, Now, Now.AddHours(1), Now);
        before.Ingest(alert, Now);
        _clock.Advance(TimeSpan.FromSeconds(30));
        Assert.Single(before.Tick(Now, AlertMuter.None));

        var after = new Dispatcher(config);
        after.Restore(before.Snapshot(), Now);
        _clock.Advance(TimeSpan.FromMinutes(5));
        Assert.Empty(after.Tick(Now, AlertMuter.None)); // unchanged group: no duplicate page
        Assert.Equal(Now + TimeSpan.FromMinutes(5), after.NextFlushAt);
    }

    [Fact]
    public void Alerts_of_a_removed_route_are_routed_again_under_the_new_config()
    {
        var old = new Dispatcher(DispatcherTests.Config(new RouteConfig { Matchers = AlertmanagerMatchers.Parse("alertname=X"), Receiver = "night" }));
        old.Ingest(new Alert(LabelSet.From(("alertname", "X")), LabelSet.Empty, Now, Now.AddHours(1), Now), Now);
        var reloaded = new Dispatcher(DispatcherTests.Config());
        reloaded.Restore(old.Snapshot(), Now);
        _clock.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal("team", Assert.Single(reloaded.Tick(Now, AlertMuter.None)).Receiver);
    }
}
