using AirisEpm.PromQl.Model;
using AirisEpm.AlertService.Domain.Rules;
using AirisEpm.AlertService.Domain.PrometheusRules;
using Microsoft.Extensions.Time.Testing;

namespace AirisEpm.AlertService.Tests.Domain.Rules;

public sealed class RuleEvaluatorTests
{
    private static readonly MetricCondition Cpu = new("cpu", "cpu_usage", [], MetricAggregation.Avg, TimeSpan.FromMinutes(1), ComparisonOperator.GreaterThan, 0.9);
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));
    private RuleState _state = RuleState.Initial;

    private static readonly RuleDefinition Rule = new(
        "r1", "HighCpu", Severity.Critical, Cpu, TimeSpan.FromMinutes(1),
        For: TimeSpan.FromMinutes(2), KeepFiringFor: TimeSpan.FromMinutes(3),
        Labels: LabelSet.From(("service", "api")),
        Annotations: new Dictionary<string, PromTemplate> { ["summary"] = PromTemplate.Parse("HighCpu", "{{ $labels.service }} CPU at {{ humanizePercentage $value }}") });

    private RuleStep Evaluate(TreeResult result, RuleDefinition? rule = null)
    {
        var step = RuleEvaluator.Step(rule ?? Rule, _state, result, _clock.GetUtcNow());
        _state = step.State;
        _clock.Advance(TimeSpan.FromMinutes(1));
        return step;
    }

    private static TreeResult True(double v = 0.95) => new(ConditionOutcome.True, v, null);

    private static readonly TreeResult False = new(ConditionOutcome.False, 0.1, null);

    [Fact]
    public void Pending_becomes_firing_after_for_and_the_alert_carries_labels_and_templates()
    {
        var start = _clock.GetUtcNow();
        Assert.Empty(Evaluate(True()).Alerts);
        Assert.Equal((RulePhase.Pending, start), (_state.Phase, _state.ActiveSince!.Value));
        Assert.Empty(Evaluate(True()).Alerts);
        var alert = Assert.Single(Evaluate(True(0.97)).Alerts); // 2m after the condition began
        Assert.Equal(RulePhase.Firing, _state.Phase);
        Assert.Equal(LabelSet.From(("alertname", "HighCpu"), ("severity", "critical"), ("service", "api")), alert.Labels);
        Assert.Equal("api CPU at 97%", alert.Annotations!["summary"]);
        Assert.Equal(start, alert.StartsAt);
        Assert.Equal(start + TimeSpan.FromMinutes(2) + TimeSpan.FromMinutes(4), alert.EndsAt); // 4 × max(interval, 1m)
    }

    [Fact]
    public void Pending_that_stops_holding_goes_back_to_inactive_without_an_alert()
    {
        Evaluate(True());
        Assert.Empty(Evaluate(False).Alerts);
        Assert.Equal(RulePhase.Inactive, _state.Phase);
        Assert.Null(_state.ActiveSince);
    }

    [Fact]
    public void Keep_firing_for_delays_resolution_and_a_new_true_resets_it()
    {
        var rule = Rule with { For = TimeSpan.Zero };
        Assert.Single(Evaluate(True(), rule).Alerts);
        Evaluate(False, rule);
        Evaluate(True(), rule); // holds again: keep_firing clock resets
        Assert.Null(_state.KeepFiringSince);
        for (var i = 0; i < 3; i++)
        {
            var held = Assert.Single(Evaluate(False, rule).Alerts);
            Assert.True(held.EndsAt > _clock.GetUtcNow());
        }
        var resolved = Assert.Single(Evaluate(False, rule).Alerts);
        Assert.Equal(RulePhase.Inactive, _state.Phase);
        Assert.Equal(_clock.GetUtcNow() - TimeSpan.FromMinutes(1), resolved.EndsAt);
    }

    [Fact]
    public void Evaluation_failure_never_resolves_a_firing_alert()
    {
        var rule = Rule with { For = TimeSpan.Zero, KeepFiringFor = TimeSpan.Zero };
        Evaluate(True(), rule);
        for (var i = 0; i < 10; i++)
        {
            var step = Evaluate(new TreeResult(ConditionOutcome.Error, null, "metrics-service timeout"), rule);
            Assert.True(Assert.Single(step.Alerts, a => a.Labels["alertname"] == "HighCpu").EndsAt > _clock.GetUtcNow()); // still firing, validity refreshed
        }
        Assert.Equal((RulePhase.Firing, RuleHealth.Failed, 10), (_state.Phase, _state.Health, _state.ConsecutiveFailures));
        Assert.Equal("metrics-service timeout", _state.LastError);
        Evaluate(True(), rule);
        Assert.Equal((RuleHealth.Ok, 0), (_state.Health, _state.ConsecutiveFailures));
    }

    [Fact]
    public void Three_failed_evaluations_in_a_row_raise_rule_evaluation_failed_until_one_works_again()
    {
        var failed = new TreeResult(ConditionOutcome.Error, null, "metrics-service unreachable");
        Assert.Empty(Evaluate(failed).Alerts);
        Assert.Empty(Evaluate(failed).Alerts);

        var raisedAt = _clock.GetUtcNow();
        var raised = Assert.Single(Evaluate(failed).Alerts);
        var again = Assert.Single(Evaluate(failed).Alerts);
        var resolvedAt = _clock.GetUtcNow();
        var resolved = Assert.Single(Evaluate(False).Alerts);
        var quiet = Evaluate(False).Alerts;

        Assert.Equal(LabelSet.From(("alertname", "RuleEvaluationFailed"), ("rule", "HighCpu"), ("rule_id", "r1"), ("service", "api"), ("severity", "warning")), raised.Labels);
        Assert.Equal("metrics-service unreachable", raised.Annotations!["error"]);
        Assert.Contains("failed 4 evaluations in a row", again.Annotations!["summary"], StringComparison.Ordinal);
        Assert.Equal(raisedAt + TimeSpan.FromMinutes(4), raised.EndsAt); // re-sent each evaluation, valid 4 × interval
        Assert.Equal((raised.Labels, (DateTimeOffset?)resolvedAt), (resolved.Labels, resolved.EndsAt));
        Assert.Empty(quiet);
    }

    [Fact]
    public void Fewer_failures_than_the_threshold_raise_nothing()
    {
        var failed = new TreeResult(ConditionOutcome.Error, null, "timeout");
        Evaluate(failed);
        Evaluate(failed);

        Assert.Empty(Evaluate(False).Alerts);
    }

    [Fact]
    public void No_data_keeps_state_by_default_or_counts_as_false_when_configured()
    {
        var rule = Rule with { For = TimeSpan.Zero };
        var noData = new TreeResult(ConditionOutcome.NoData, null, null);
        Evaluate(True(), rule);
        Assert.Single(Evaluate(noData, rule).Alerts);
        Assert.Equal((RulePhase.Firing, RuleHealth.NoData), (_state.Phase, _state.Health));

        var strict = rule with { NoData = NoDataPolicy.Inactive, KeepFiringFor = TimeSpan.Zero };
        var resolved = Assert.Single(Evaluate(noData, strict).Alerts);
        Assert.True(resolved.EndsAt <= _clock.GetUtcNow());
        Assert.Equal(RulePhase.Inactive, _state.Phase);
    }
}
