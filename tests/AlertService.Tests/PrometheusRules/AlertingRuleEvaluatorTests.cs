using AirisEpm.AlertService.Domain.PrometheusRules;

namespace AirisEpm.AlertService.Tests.PrometheusRules;

/// <summary>The alerting rule state machine against Prometheus's <c>AlertingRule.Eval</c> behaviour.</summary>
public sealed class AlertingRuleEvaluatorTests
{
    private static readonly DateTimeOffset T0 = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000);

    private static readonly PromAlertingRule Rule = new(
        "HighErrors", "rate(errors[1m]) > 0.5", TimeSpan.FromSeconds(30), TimeSpan.Zero,
        new Dictionary<string, string> { ["severity"] = "page", ["instance_short"] = "{{ reReplaceAll \":.*\" \"\" $labels.instance }}" },
        new Dictionary<string, string> { ["summary"] = "{{ $labels.instance }}: {{ $value | humanize }}/s" });

    [Fact]
    public void A_series_is_pending_then_fires_after_for_and_keeps_its_active_time()
    {
        var s0 = Eval(Rule, AlertingRuleState.Initial, T0, Sample("a:1", 0.75));
        var pending = Assert.Single(s0.Alerts);
        Assert.Equal((PromAlertState.Pending, T0, (DateTimeOffset?)null), (pending.State, pending.ActiveAt, pending.FiredAt));
        Assert.Equal("page", pending.Labels["severity"]);
        Assert.Equal("a", pending.Labels["instance_short"]);
        Assert.Equal("HighErrors", pending.Labels["alertname"]);
        Assert.False(pending.Labels.ContainsKey("__name__"));
        Assert.Equal("a:1: 750m/s", pending.Annotations["summary"]);

        var s1 = Eval(Rule, s0, T0.AddSeconds(15), Sample("a:1", 2));
        Assert.Equal(PromAlertState.Pending, Assert.Single(s1.Alerts).State);
        Assert.Equal("a:1: 2/s", s1.Alerts[0].Annotations["summary"]);

        var s2 = Eval(Rule, s1, T0.AddSeconds(30), Sample("a:1", 3));
        var firing = Assert.Single(s2.Alerts);
        Assert.Equal((PromAlertState.Firing, T0, T0.AddSeconds(30), 3d), (firing.State, firing.ActiveAt, firing.FiredAt, firing.Value));
        Assert.Equal(PromRuleHealth.Ok, s2.Health.Health);
    }

    [Fact]
    public void Without_for_a_new_series_fires_at_once()
    {
        var state = Eval(Rule with { For = TimeSpan.Zero }, AlertingRuleState.Initial, T0, Sample("a:1", 1));
        Assert.Equal(PromAlertState.Firing, Assert.Single(state.Alerts).State);
    }

    [Fact]
    public void A_pending_alert_whose_series_goes_is_dropped_and_a_firing_one_resolves_and_is_kept_15_minutes()
    {
        var pending = Eval(Rule, AlertingRuleState.Initial, T0, Sample("a:1", 1), Sample("b:1", 1));
        var firing = Eval(Rule, pending, T0.AddSeconds(30), Sample("a:1", 1));
        Assert.Equal(["a:1"], firing.Alerts.Select(a => a.Labels["instance"]));

        var resolved = Eval(Rule, firing, T0.AddSeconds(45));
        var alert = Assert.Single(resolved.Alerts);
        Assert.Equal((PromAlertState.Inactive, (DateTimeOffset?)T0.AddSeconds(45)), (alert.State, alert.ResolvedAt));

        Assert.Single(Eval(Rule, resolved, T0.AddSeconds(45) + AlertingRuleEvaluator.ResolvedRetention).Alerts);
        Assert.Empty(Eval(Rule, resolved, T0.AddSeconds(46) + AlertingRuleEvaluator.ResolvedRetention).Alerts);
    }

    [Fact]
    public void A_resolved_alert_whose_series_returns_starts_pending_anew()
    {
        var firing = Eval(Rule with { For = TimeSpan.Zero }, AlertingRuleState.Initial, T0, Sample("a:1", 1));
        var resolved = Eval(Rule, firing, T0.AddSeconds(15));
        var again = Eval(Rule, resolved, T0.AddSeconds(30), Sample("a:1", 1));
        var alert = Assert.Single(again.Alerts);
        Assert.Equal((PromAlertState.Pending, T0.AddSeconds(30), (DateTimeOffset?)null), (alert.State, alert.ActiveAt, alert.ResolvedAt));
    }

    [Fact]
    public void Keep_firing_for_holds_a_firing_alert_after_its_series_goes()
    {
        var rule = Rule with { For = TimeSpan.Zero, KeepFiringFor = TimeSpan.FromMinutes(1) };
        var firing = Eval(rule, AlertingRuleState.Initial, T0, Sample("a:1", 1));
        var held = Eval(rule, firing, T0.AddSeconds(30));
        Assert.Equal((PromAlertState.Firing, (DateTimeOffset?)T0.AddSeconds(30)), (held.Alerts[0].State, held.Alerts[0].KeepFiringSince));
        var stillHeld = Eval(rule, held, T0.AddSeconds(89));
        Assert.Equal(PromAlertState.Firing, stillHeld.Alerts[0].State);
        var back = Eval(rule, stillHeld, T0.AddSeconds(60), Sample("a:1", 1));
        Assert.Null(back.Alerts[0].KeepFiringSince);
        var gone = Eval(rule, Eval(rule, back, T0.AddSeconds(75)), T0.AddSeconds(135));
        Assert.Equal((PromAlertState.Inactive, (DateTimeOffset?)T0.AddSeconds(135)), (gone.Alerts[0].State, gone.Alerts[0].ResolvedAt));
    }

    [Fact]
    public void Series_equal_after_the_rule_labels_are_an_error_and_leave_the_alerts_alone()
    {
        var rule = Rule with { Labels = new Dictionary<string, string> { ["instance"] = "same" } };
        var before = Eval(rule, AlertingRuleState.Initial, T0, Sample("a:1", 1));
        var after = Eval(rule, before, T0.AddSeconds(15), Sample("a:1", 1), Sample("b:1", 2));
        Assert.Equal((PromRuleHealth.Err, "vector contains metrics with the same labelset after applying alert labels"), (after.Health.Health, after.Health.LastError));
        Assert.Equal(before.Alerts, after.Alerts);
    }

    [Fact]
    public void More_alerts_than_the_limit_is_an_error_and_clears_them()
    {
        var state = AlertingRuleEvaluator.Evaluate(Rule, AlertingRuleState.Initial, PromQueryAnswer.Of([Sample("a:1", 1), Sample("b:1", 1)]), Context(T0) with { Limit = 1 });
        Assert.Equal(("exceeded limit of 1 with 2 alerts", 0), (state.Health.LastError, state.Alerts.Count));
    }

    [Fact]
    public void A_failed_query_is_an_error_and_keeps_the_alerts()
    {
        var firing = Eval(Rule with { For = TimeSpan.Zero }, AlertingRuleState.Initial, T0, Sample("a:1", 1));
        var failed = AlertingRuleEvaluator.Evaluate(Rule, firing, PromQueryAnswer.Failed("metrics-service unreachable"), Context(T0.AddSeconds(15)));
        Assert.Equal((PromRuleHealth.Err, "metrics-service unreachable", (DateTimeOffset?)T0.AddSeconds(15)), (failed.Health.Health, failed.Health.LastError, failed.Health.LastEvaluation));
        Assert.Equal(firing.Alerts, failed.Alerts);
    }

    [Fact]
    public void Group_labels_apply_under_the_rules_own()
    {
        var context = Context(T0) with { GroupLabels = new Dictionary<string, string> { ["team"] = "payments", ["severity"] = "low" } };
        var state = AlertingRuleEvaluator.Evaluate(Rule, AlertingRuleState.Initial, PromQueryAnswer.Of([Sample("a:1", 1)]), context);
        Assert.Equal(("payments", "page"), (state.Alerts[0].Labels["team"], state.Alerts[0].Labels["severity"]));
    }

    internal static PromSample Sample(string instance, double value) =>
        new(new Dictionary<string, string> { ["__name__"] = "errors", ["instance"] = instance, ["job"] = "api" }, value);

    internal static RuleEvaluationContext Context(DateTimeOffset ts) =>
        new(ts, 0, new Dictionary<string, string>(), new Dictionary<string, string>(), "http://localhost:8004");

    private static AlertingRuleState Eval(PromAlertingRule rule, AlertingRuleState state, DateTimeOffset ts, params PromSample[] samples) =>
        AlertingRuleEvaluator.Evaluate(rule, state, PromQueryAnswer.Of(samples), Context(ts));
}
