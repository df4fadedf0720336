using System.Diagnostics.Metrics;
using AirisEpm.AlertService.Domain.Rules;
using AirisEpm.AlertService.Rules;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace AirisEpm.AlertService.Tests.Rules;

public sealed class RuleRunnerTests : IDisposable
{
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.Parse("2026-03-01T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
    private readonly RecordingIntake _intake = new();
    private readonly ServiceProvider _metrics = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly MeterListener _listener = new();
    private readonly List<string> _outcomes = [];
    private Func<MetricQuery, MetricQueryResult> _answer = _ => MetricQueryResult.Empty;

    public RuleRunnerTests()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Name == "airis.alerts.rule_evaluations") listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<long>((_, _, tags, _) =>
        {
            foreach (var tag in tags) if (tag.Key == "outcome") _outcomes.Add((string)tag.Value!);
        });
        _listener.Start();
    }

    private static RuleDefinition CpuRule() => RuleDocumentMapper.Map("r1", new RuleDocument
    {
        Name = "HighCpu",
        Severity = "critical",
        Labels = new Dictionary<string, string> { ["team"] = "ops" },
        Annotations = new Dictionary<string, string> { ["summary"] = "CPU at {{ $value }} for {{ $labels.team }}" },
        For = "1m",
        EvaluationInterval = "30s",
        Condition = new ConditionDocument { Metric = new MetricLeafDocument { Metric = "cpu_usage", Matchers = ["service=\"api\""], Agg = "avg", Window = "5m", Op = ">", Threshold = 0.9 } },
    }).Rule!;

    private RuleRunner Runner(out FakeMetricQueryClient client)
    {
        client = new FakeMetricQueryClient(q => _answer(q));
        return new RuleRunner(new LeafQuerier(client, new FakeLogCountClient((_, _, _) => new LogCount(0, false)), new FakeTraceMeasureClient((_, _, _) => new TraceMeasures(0, 0, null, null, null, null))), _intake, _clock, NullLogger<RuleRunner>.Instance, _metrics.GetRequiredService<IMeterFactory>());
    }

    [Fact]
    public async Task Pending_then_firing_then_a_failed_query_keeps_firing_then_resolves()
    {
        var runner = Runner(out var client);
        var rule = CpuRule();
        _answer = _ => new MetricQueryResult([[0.95]]);

        var pending = await runner.RunAsync(rule, RuleState.Initial, TestContext.Current.CancellationToken);
        _clock.Advance(TimeSpan.FromMinutes(1));
        var firing = await runner.RunAsync(rule, pending.State, TestContext.Current.CancellationToken);
        _answer = _ => throw new MetricQueryException("metrics-service answered 503 Service Unavailable");
        _clock.Advance(TimeSpan.FromSeconds(30));
        var failed = await runner.RunAsync(rule, firing.State, TestContext.Current.CancellationToken);
        _answer = _ => new MetricQueryResult([[0.2]]);
        _clock.Advance(TimeSpan.FromSeconds(30));
        var resolved = await runner.RunAsync(rule, failed.State, TestContext.Current.CancellationToken);

        Assert.Equal((RulePhase.Pending, 0), (pending.State.Phase, pending.Alerts.Count));
        Assert.Equal(RulePhase.Firing, firing.State.Phase);
        var alert = Assert.Single(firing.Alerts);
        Assert.Equal(("HighCpu", "critical", "ops"), (alert.Labels["alertname"], alert.Labels["severity"], alert.Labels["team"]));
        Assert.Equal("CPU at 0.95 for ops", alert.Annotations!["summary"]);
        Assert.Equal((RulePhase.Firing, RuleHealth.Failed), (failed.State.Phase, failed.State.Health));
        Assert.True(Assert.Single(failed.Alerts).EndsAt > _clock.GetUtcNow().AddSeconds(-30), "a failed evaluation re-sends the firing alert, never a resolve");
        Assert.Equal(RulePhase.Inactive, resolved.State.Phase);
        Assert.Equal(_clock.GetUtcNow(), Assert.Single(resolved.Alerts).EndsAt);
        Assert.Equal(3, _intake.Submitted.Count);
        Assert.Equal(["ok", "ok", "failed", "ok"], _outcomes);
        Assert.Equal("{service=\"api\"}", client.Queries[0].Selector);
    }

    [Fact]
    public async Task Log_and_trace_leaves_are_no_data_and_keep_the_phase()
    {
        var runner = Runner(out var client);
        var rule = CpuRule() with
        {
            Condition = new AnyCondition([
                new LogCondition("logs", "level:error", TimeSpan.FromMinutes(5), ComparisonOperator.GreaterThan, 10),
                new TraceCondition("p95", TraceSignal.P95LatencyMs, TimeSpan.FromMinutes(5), ComparisonOperator.GreaterThan, 500, Service: "api"),
            ]),
        };
        var firing = RuleState.Initial with { Phase = RulePhase.Firing, ActiveSince = _clock.GetUtcNow(), FiringSince = _clock.GetUtcNow() };

        var step = await runner.RunAsync(rule, firing, TestContext.Current.CancellationToken);

        Assert.Equal((RulePhase.Firing, RuleHealth.NoData), (step.State.Phase, step.State.Health));
        Assert.Empty(client.Queries);
        Assert.Equal(["no_data"], _outcomes);
    }

    [Fact]
    public async Task An_absent_metric_fires_without_a_pending_period()
    {
        var runner = Runner(out _);
        var rule = CpuRule() with { For = TimeSpan.Zero, Condition = new AbsentCondition("up", "up", [], TimeSpan.FromMinutes(5)) };

        var step = await runner.RunAsync(rule, RuleState.Initial, TestContext.Current.CancellationToken);

        Assert.Equal(RulePhase.Firing, step.State.Phase);
        Assert.Single(_intake.Submitted);
    }

    public void Dispose()
    {
        _listener.Dispose();
        _metrics.Dispose();
    }
}
