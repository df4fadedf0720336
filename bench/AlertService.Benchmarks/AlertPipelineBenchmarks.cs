using AirisEpm.AlertService.Domain.Alerts;
using AirisEpm.AlertService.Domain.Configuration;
using AirisEpm.AlertService.Domain.Dispatch;
using AirisEpm.AlertService.Domain.Inhibition;
using AirisEpm.PromQl.Model;
using AirisEpm.AlertService.Domain.Routing;
using AirisEpm.AlertService.Domain.Silences;
using BenchmarkDotNet.Attributes;

namespace AirisEpm.AlertService.Benchmarks;

/// <summary>
/// One minute's worth of alerts (100,000) through the whole alerting engine: store (merge by
/// fingerprint), routing into groups, then one flush with silences and inhibition applied.
/// The bar is 100,000 alerts per minute, so the mean must stay well under 60 s.
/// </summary>
[InProcess]
[MemoryDiagnoser]
public class AlertPipelineBenchmarks
{
    private const int Alerts = 100_000;
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);
    private LabelSet[] _labels = [];
    private AlertingConfig _config = null!;
    private InhibitRule[] _rules = [];

    [GlobalSetup]
    public void Setup()
    {
        _labels = Enumerable.Range(0, Alerts)
            .Select(i => LabelSet.From(("alertname", $"A{i % 500}"), ("instance", $"i-{i}"), ("service", $"svc-{i % 50}"),
                ("severity", i < 500 ? "critical" : "warning")))
            .ToArray();
        _config = AlertingConfig.Create(
            new RouteConfig { Receiver = "team", GroupBy = ["alertname", "service"] },
            [Receiver.Named("team") with { WebhookConfigs = [new WebhookConfig()] }]);
        _rules = [new InhibitRule(AlertmanagerMatchers.Parse("severity=critical"), AlertmanagerMatchers.Parse("severity=warning"), ["alertname"])];
    }

    [Benchmark(Description = "100k alerts: store + route + group + silence + inhibit + flush")]
    public int OneMinuteOfAlerts()
    {
        var now = Start;
        var store = new AlertStore();
        var dispatcher = new Dispatcher(_config);
        var silences = new SilenceStore();
        silences.Set(new SilenceRequest(AlertmanagerMatchers.Parse("service=\"svc-7\""), now, now.AddHours(1), "ops", "maintenance"), now);
        for (var i = 0; i < _labels.Length; i++)
        {
            if (i % 1_700 == 0)
            {
                now = now.AddSeconds(1);
            }

            dispatcher.Ingest(store.Put(new PostedAlert(_labels[i]), now), now);
        }

        now = now.AddSeconds(30);
        var muter = new AlertMuter(silences, new Inhibitor(_rules, store.All, now));
        return dispatcher.Tick(now, muter).Count;
    }
}
