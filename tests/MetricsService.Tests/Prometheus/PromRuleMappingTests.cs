using System.Text.Json;
using AirisEpm.MetricsService.Prometheus.Rules;

namespace AirisEpm.MetricsService.Tests.Prometheus;

public sealed class PromRuleMappingTests
{
    private static readonly DateTimeOffset Since = new(2026, 1, 2, 3, 4, 5, 600, TimeSpan.Zero);

    [Theory]
    [InlineData(1, "1e+00")]
    [InlineData(0.5, "5e-01")]
    [InlineData(1e-7, "1e-07")]
    [InlineData(123456, "1.23456e+05")]
    [InlineData(-2.5, "-2.5e+00")]
    [InlineData(0.1, "1e-01")]
    [InlineData(1e21, "1e+21")]
    [InlineData(1.7976931348623157e308, "1.7976931348623157e+308")]
    [InlineData(0, "0e+00")]
    [InlineData(double.NaN, "NaN")]
    [InlineData(double.PositiveInfinity, "+Inf")]
    public void Alert_values_are_written_as_go_writes_percent_e(double value, string expected)
    {
        Assert.Equal(expected, PromRuleMapping.FormatE(value));
    }

    [Fact]
    public void A_firing_rule_is_a_group_with_one_alerting_rule_and_its_alert()
    {
        var condition = JsonDocument.Parse("""{"all":null,"metric":{"metric":"up","agg":"last","window":"1m","op":"<","threshold":1}}""").RootElement;
        var rule = new AlertServiceRule("r1", new AlertServiceRuleDocument(
            "Down", "critical", new Dictionary<string, string> { ["team"] = "shop" }, new Dictionary<string, string> { ["summary"] = "{{ $value }}" },
            "2m", null, "30s", null, condition));
        var state = new AlertServiceRuleState("firing", "ok", Since, Since.AddMinutes(2), null, 0, Since.AddMinutes(3), null);

        var group = PromRuleMapping.Group(rule, state);

        Assert.Equal(("Down", "alert-service", 30d), (group.Name, group.File, group.IntervalSeconds));
        var alerting = Assert.Single(group.Rules);
        Assert.Equal(("firing", "ok", 120d), (alerting.State, alerting.Health, alerting.DurationSeconds));
        Assert.Equal("""{"metric":{"metric":"up","agg":"last","window":"1m","op":"<","threshold":1}}""", alerting.Query);
        Assert.Equal(new Dictionary<string, string> { ["severity"] = "critical", ["team"] = "shop" }, alerting.Labels);
        var alert = Assert.Single(alerting.Alerts);
        Assert.Equal(new Dictionary<string, string> { ["alertname"] = "Down", ["severity"] = "critical", ["team"] = "shop" }, alert.Labels);
        Assert.Equal(("firing", Since, "0e+00"), (alert.State, alert.ActiveAt, alert.Value));
    }

    [Fact]
    public void A_failing_rule_is_unhealthy_and_an_expr_is_its_query()
    {
        var rule = new AlertServiceRule("r2", new AlertServiceRuleDocument("Slow", null, null, null, null, null, null, "rate(x[5m]) > 1", null));
        var state = new AlertServiceRuleState("inactive", "failed", null, null, null, null, Since, "metrics-service unreachable");

        var alerting = Assert.Single(PromRuleMapping.Group(rule, state).Rules);

        Assert.Equal(("inactive", "err", "metrics-service unreachable", "rate(x[5m]) > 1"), (alerting.State, alerting.Health, alerting.LastError, alerting.Query));
        Assert.Empty(alerting.Alerts);
        Assert.Equal(60, PromRuleMapping.Group(rule, null).IntervalSeconds);
        Assert.Equal("unknown", PromRuleMapping.Group(rule, null).Rules[0].Health);
    }
}
