using AirisEpm.PromQl.Model;
using AirisEpm.AlertService.Domain.Rules;

namespace AirisEpm.AlertService.Tests.Domain.Rules;

public sealed class ConditionEvaluatorTests
{
    private static readonly MetricCondition Cpu = new("cpu", "cpu_usage", AlertmanagerMatchers.Parse("service=api"), MetricAggregation.Avg, TimeSpan.FromMinutes(5), ComparisonOperator.GreaterThan, 0.9);
    private static readonly LogCondition Errors = new("errors", "level:error service:api", TimeSpan.FromMinutes(5), ComparisonOperator.GreaterOrEqual, 10);
    private static readonly TraceCondition Latency = new("p95", TraceSignal.P95LatencyMs, TimeSpan.FromMinutes(5), ComparisonOperator.GreaterThan, 500, Service: "api");

    private static ConditionOutcome Eval(ConditionNode tree, params (string Id, ConditionOutcome Outcome)[] results) =>
        ConditionEvaluator.Evaluate(tree, results.ToDictionary(r => r.Id, r => new LeafResult(r.Outcome))).Outcome;

    [Theory]
    [InlineData(ConditionOutcome.True, ConditionOutcome.True, ConditionOutcome.True)]
    [InlineData(ConditionOutcome.False, ConditionOutcome.Error, ConditionOutcome.False)] // a decided False wins over an error
    [InlineData(ConditionOutcome.True, ConditionOutcome.NoData, ConditionOutcome.NoData)]
    [InlineData(ConditionOutcome.Error, ConditionOutcome.NoData, ConditionOutcome.Error)]
    public void All_is_false_if_any_false_else_unknown_if_any_unknown(ConditionOutcome a, ConditionOutcome b, ConditionOutcome expected)
    {
        Assert.Equal(expected, Eval(new AllCondition([Cpu, Errors]), ("cpu", a), ("errors", b)));
    }

    [Theory]
    [InlineData(ConditionOutcome.True, ConditionOutcome.Error, ConditionOutcome.True)]
    [InlineData(ConditionOutcome.False, ConditionOutcome.False, ConditionOutcome.False)]
    [InlineData(ConditionOutcome.False, ConditionOutcome.NoData, ConditionOutcome.NoData)]
    [InlineData(ConditionOutcome.Error, ConditionOutcome.False, ConditionOutcome.Error)]
    public void Any_is_true_if_any_true_else_unknown_if_any_unknown(ConditionOutcome a, ConditionOutcome b, ConditionOutcome expected)
    {
        Assert.Equal(expected, Eval(new AnyCondition([Cpu, Errors]), ("cpu", a), ("errors", b)));
    }

    [Fact]
    public void Not_flips_booleans_and_keeps_unknowns()
    {
        Assert.Equal(ConditionOutcome.False, Eval(new NotCondition(Cpu), ("cpu", ConditionOutcome.True)));
        Assert.Equal(ConditionOutcome.NoData, Eval(new NotCondition(Errors), ("errors", ConditionOutcome.NoData)));
    }

    [Fact]
    public void Missing_leaf_result_is_an_error_and_value_comes_from_first_true_leaf()
    {
        var tree = new AnyCondition([Cpu, new AllCondition([Errors, Latency])]);
        var missing = ConditionEvaluator.Evaluate(tree, new Dictionary<string, LeafResult> { ["cpu"] = new(ConditionOutcome.False, 0.5) });
        Assert.Equal(ConditionOutcome.Error, missing.Outcome);
        Assert.Equal("no result for leaf \"errors\"", missing.Error);

        var results = new Dictionary<string, LeafResult>
        {
            ["cpu"] = LeafResult.Compared(0.5, Cpu.Operator, Cpu.Threshold),
            ["errors"] = LeafResult.Compared(12, Errors.Operator, Errors.Threshold),
            ["p95"] = LeafResult.Compared(800, Latency.Operator, Latency.Threshold),
        };
        var fired = ConditionEvaluator.Evaluate(tree, results);
        Assert.Equal((ConditionOutcome.True, 12d), (fired.Outcome, fired.Value!.Value));
    }

    [Fact]
    public void Validator_names_the_bad_field()
    {
        var rule = new RuleDefinition("r1", "", Severity.Warning,
            new AllCondition([new AnyCondition([]), Cpu with { Window = TimeSpan.Zero }, new TraceCondition("t", TraceSignal.ErrorRate, TimeSpan.FromMinutes(1), ComparisonOperator.GreaterThan, double.NaN, Service: "a", From: "b", To: "c"), Cpu]),
            TimeSpan.Zero);
        Assert.Equal(
            ["name", "evaluationInterval", "condition.all[0]", "condition.all[1].window", "condition.all[2].threshold", "condition.all[2].service", "condition"],
            RuleValidator.Validate(rule).Select(e => e.Field));
    }
}
