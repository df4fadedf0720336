using AirisEpm.AlertService.Domain.PrometheusRules;

namespace AirisEpm.AlertService.Tests.PrometheusRules;

public sealed class RecordingRuleEvaluatorTests
{
    private static readonly DateTimeOffset T0 = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000);

    [Fact]
    public void Series_are_renamed_and_get_the_group_and_rule_labels_untemplated()
    {
        var rule = new PromRecordingRule("job:errors:rate1m", "sum by (job) (rate(errors[1m]))", new Dictionary<string, string> { ["env"] = "{{ prod }}", ["job"] = "" });
        var context = AlertingRuleEvaluatorTests.Context(T0) with { GroupLabels = new Dictionary<string, string> { ["team"] = "t", ["env"] = "x" } };
        var (series, health) = RecordingRuleEvaluator.Evaluate(rule, PromQueryAnswer.Of([AlertingRuleEvaluatorTests.Sample("a:1", 0.5)]), context);

        var one = Assert.Single(series);
        Assert.Equal(
            new Dictionary<string, string> { ["__name__"] = "job:errors:rate1m", ["instance"] = "a:1", ["env"] = "{{ prod }}", ["team"] = "t" },
            one.Labels);
        Assert.Equal((0.5, PromRuleHealth.Ok, (DateTimeOffset?)T0), (one.Value, health.Health, health.LastEvaluation));
    }

    [Fact]
    public void Equal_label_sets_and_the_limit_are_errors_with_nothing_written()
    {
        var rule = new PromRecordingRule("r", "x", new Dictionary<string, string> { ["instance"] = "same" });
        var samples = PromQueryAnswer.Of([AlertingRuleEvaluatorTests.Sample("a:1", 1), AlertingRuleEvaluatorTests.Sample("b:1", 2)]);
        var (duplicate, duplicateHealth) = RecordingRuleEvaluator.Evaluate(rule, samples, AlertingRuleEvaluatorTests.Context(T0));
        var (limited, limitHealth) = RecordingRuleEvaluator.Evaluate(rule with { Labels = new Dictionary<string, string>() }, samples, AlertingRuleEvaluatorTests.Context(T0) with { Limit = 1 });

        Assert.Equal(([], "vector contains metrics with the same labelset after applying rule labels"), (duplicate, duplicateHealth.LastError));
        Assert.Equal(([], "exceeded limit of 1 with 2 series"), (limited, limitHealth.LastError));
    }
}
