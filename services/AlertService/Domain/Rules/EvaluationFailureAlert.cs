using AirisEpm.AlertService.Domain.Alerts;
using AirisEpm.PromQl.Model;

namespace AirisEpm.AlertService.Domain.Rules;

/// <summary>
/// A rule that cannot be evaluated says so, as Grafana's error state does: after
/// <see cref="FailuresBeforeAlert"/> failed evaluations in a row it raises <c>RuleEvaluationFailed</c>
/// (with the rule's labels, so it routes to the rule's owners), re-sent while the failures last and
/// resolved by the first evaluation that works again. The rule's own phase is left alone.
/// </summary>
public static class EvaluationFailureAlert
{
    public const string AlertName = "RuleEvaluationFailed";

    /// <summary>3: one slow query or restart is noise; three in a row (3 minutes at the default interval) is an outage.</summary>
    public const int FailuresBeforeAlert = 3;

    public static IEnumerable<PostedAlert> For(RuleDefinition rule, RuleState before, RuleState after, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        if (IsAlerting(after)) yield return Alert(rule, after, now + rule.AlertValidity);
        else if (IsAlerting(before)) yield return Alert(rule, before, now);
    }

    private static bool IsAlerting(RuleState state) =>
        state.Health == RuleHealth.Failed && state.ConsecutiveFailures >= FailuresBeforeAlert;

    private static PostedAlert Alert(RuleDefinition rule, RuleState failing, DateTimeOffset endsAt) => new(
        (rule.Labels ?? LabelSet.Empty).With("alertname", AlertName).With("rule", rule.Name).With("rule_id", rule.Id).With("severity", "warning"),
        LabelSet.From(
            ("summary", $"Rule {rule.Name} failed {failing.ConsecutiveFailures} evaluations in a row"),
            ("error", failing.LastError ?? "")),
        EndsAt: endsAt);
}
