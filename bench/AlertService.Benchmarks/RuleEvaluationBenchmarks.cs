using AirisEpm.PromQl.Model;
using AirisEpm.AlertService.Domain.Rules;
using BenchmarkDotNet.Attributes;

namespace AirisEpm.AlertService.Benchmarks;

/// <summary>
/// One minute of pure rule evaluation: 10,000 rules, each an <c>all</c> of two metric leaves,
/// evaluated once (the condition tree, then the pending/firing state machine). The actors'
/// querying and the sidecar round trips are not in this figure.
/// </summary>
[InProcess]
[MemoryDiagnoser]
public class RuleEvaluationBenchmarks
{
    private const int Rules = 10_000;
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);
    private RuleDefinition[] _rules = [];
    private Dictionary<string, LeafResult>[] _results = [];

    [GlobalSetup]
    public void Setup()
    {
        _rules = Enumerable.Range(0, Rules).Select(i => new RuleDefinition(
            $"rule-{i}", $"Rule{i}", Severity.Warning,
            new AllCondition([
                new MetricCondition("errors", "http_errors_total", [AlertmanagerMatchers.FromApi("service", $"svc-{i % 50}", false, true)], MetricAggregation.Sum, TimeSpan.FromMinutes(5), ComparisonOperator.GreaterThan, 10),
                new MetricCondition("latency", "http_latency_seconds", [AlertmanagerMatchers.FromApi("service", $"svc-{i % 50}", false, true)], MetricAggregation.Avg, TimeSpan.FromMinutes(5), ComparisonOperator.GreaterThan, 0.5),
            ]),
            TimeSpan.FromMinutes(1), For: TimeSpan.FromMinutes(2), Labels: LabelSet.From(("team", $"t{i % 7}")))).ToArray();
        _results = Enumerable.Range(0, Rules).Select(i => new Dictionary<string, LeafResult>
        {
            ["errors"] = LeafResult.Compared(i % 3, ComparisonOperator.GreaterThan, 1),
            ["latency"] = LeafResult.Compared(0.7, ComparisonOperator.GreaterThan, 0.5),
        }).ToArray();
    }

    [Benchmark(Description = "10k rules: condition tree + state machine")]
    public int OneMinuteOfRules()
    {
        var alerts = 0;
        for (var i = 0; i < _rules.Length; i++)
        {
            var result = ConditionEvaluator.Evaluate(_rules[i].Condition, _results[i]);
            alerts += RuleEvaluator.Step(_rules[i], RuleState.Initial, result, Now).Alerts.Count;
        }

        return alerts;
    }
}
