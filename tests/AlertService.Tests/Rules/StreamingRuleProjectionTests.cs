using AirisEpm.PromQl.Model;
using AirisEpm.AlertService.Domain.Rules;
using AirisEpm.AlertService.Rules;

namespace AirisEpm.AlertService.Tests.Rules;

public sealed class StreamingRuleProjectionTests
{
    private static readonly MetricCondition LastCpu = new("cpu", "cpu_usage",
        [Matcher.Create("service", MatchOp.Equal, "api"), Matcher.Create("host", MatchOp.NotRegex, "test-.*")],
        MetricAggregation.Last, TimeSpan.FromMinutes(1), ComparisonOperator.GreaterOrEqual, 0.9);

    private static RuleDefinition Rule(ConditionNode condition) =>
        new("r1", "HighCpu", Severity.Critical, condition, TimeSpan.FromSeconds(30), For: TimeSpan.FromMinutes(2));

    [Fact]
    public void A_single_last_value_metric_leaf_becomes_a_threshold_rule()
    {
        var contract = StreamingRuleProjection.Project(Rule(LastCpu));

        Assert.NotNull(contract);
        Assert.Equal(("r1", "cpu_usage", ">=", 0.9, 120d), (contract.RuleId, contract.MetricName, contract.Operator, contract.Threshold, contract.ForSeconds));
        Assert.Equal([("service", "=", "api"), ("host", "!~", "test-.*")], contract.Matchers.Select(m => (m.Name, m.Op, m.Value)));
    }

    [Theory]
    [InlineData(MetricAggregation.Avg)]
    [InlineData(MetricAggregation.Max)]
    [InlineData(MetricAggregation.Rate)]
    [InlineData(MetricAggregation.P95)]
    public void Window_aggregations_stay_on_the_query_path(MetricAggregation aggregation) =>
        Assert.Null(StreamingRuleProjection.Project(Rule(LastCpu with { Aggregation = aggregation })));

    [Fact]
    public void Trees_negations_and_other_leaves_stay_on_the_query_path()
    {
        Assert.Null(StreamingRuleProjection.Project(Rule(new AllCondition([LastCpu]))));
        Assert.Null(StreamingRuleProjection.Project(Rule(new NotCondition(LastCpu))));
        Assert.Null(StreamingRuleProjection.Project(Rule(new AbsentCondition("a", "up", [], TimeSpan.FromMinutes(1)))));
        Assert.Null(StreamingRuleProjection.Project(Rule(new LogCondition("l", "level:error", TimeSpan.FromMinutes(1), ComparisonOperator.GreaterThan, 1))));
    }

    [Fact]
    public void Projecting_stored_rules_skips_non_streaming_and_invalid_ones()
    {
        var streaming = new RuleDocument
        {
            Name = "A", Severity = "info",
            Condition = new ConditionDocument { Metric = new MetricLeafDocument { Metric = "up", Agg = "last", Window = "1m", Op = "<", Threshold = 1 } },
        };
        var windowed = streaming with { Condition = new ConditionDocument { Metric = streaming.Condition.Metric! with { Agg = "avg" } } };
        var invalid = streaming with { Severity = "nope" };

        var contracts = StreamingRuleProjection.ProjectAll([new StoredRule("a", streaming, "1"), new StoredRule("b", windowed, "1"), new StoredRule("c", invalid, "1")]);

        Assert.Equal("a", Assert.Single(contracts).RuleId);
    }
}
