using System.Diagnostics;
using AirisEpm.AlertService.Domain.Alerts;
using AirisEpm.AlertService.Domain.Dispatch;
using AirisEpm.AlertService.Domain.Inhibition;
using AirisEpm.PromQl.Model;
using AirisEpm.AlertService.Domain.Silences;
using Microsoft.Extensions.Time.Testing;

namespace AirisEpm.AlertService.Tests.Domain.Dispatch;

/// <summary>
/// A complexity guard, not a benchmark: 100,000 alerts through store, routing, grouping,
/// silences and inhibition. Linear work takes about a second; a quadratic scan would take
/// minutes, which the generous bound catches without flaking on a busy machine.
/// </summary>
public sealed class DispatcherScaleTests
{
    [Fact]
    public void Hundred_thousand_alerts_per_minute_stay_linear()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 10, 0, 0, TimeSpan.Zero));
        var store = new AlertStore();
        var dispatcher = new Dispatcher(DispatcherTests.Config());
        var silences = new SilenceStore();
        silences.Set(new SilenceRequest(AlertmanagerMatchers.Parse("instance=\"i-7\""), clock.GetUtcNow(), clock.GetUtcNow().AddHours(1), "ops", "test"), clock.GetUtcNow());
        var rules = new[] { new InhibitRule(AlertmanagerMatchers.Parse("severity=critical"), AlertmanagerMatchers.Parse("severity=warning"), ["alertname"]) };

        var watch = Stopwatch.StartNew();
        for (var i = 0; i < 100_000; i++)
        {
            var labels = LabelSet.From(("alertname", $"A{i % 500}"), ("instance", $"i-{i}"), ("severity", i < 500 ? "critical" : "warning"));
            dispatcher.Ingest(store.Put(new PostedAlert(labels), clock.GetUtcNow()), clock.GetUtcNow());
            if (i % 1_700 == 0) clock.Advance(TimeSpan.FromSeconds(1));
        }
        clock.Advance(TimeSpan.FromSeconds(30));
        var muter = new AlertMuter(silences, new Inhibitor(rules, store.All, clock.GetUtcNow()));
        var due = dispatcher.Tick(clock.GetUtcNow(), muter);
        watch.Stop();

        // Group A7: its critical alert i-7 is silenced and its warnings are inhibited, so it is fully muted.
        Assert.Equal(499, due.Count);
        Assert.DoesNotContain(due, n => n.GroupLabels["alertname"] == "A7");
        Assert.All(due, n => Assert.Single(n.Firing)); // only the critical alert of each group survives inhibition
        TestContext.Current.SendDiagnosticMessage($"100k alerts ingested and flushed in {watch.ElapsedMilliseconds} ms");
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(60), $"took {watch.Elapsed}");
    }
}
