using AirisEpm.PromQl.Model;
using AirisEpm.AlertService.Domain.PrometheusRules;

namespace AirisEpm.AlertService.Domain.Rules;

/// <summary>Severity of a rule, added to its alerts as the <c>severity</c> label.</summary>
public enum Severity
{
    Critical,
    Warning,
    Info,
}

/// <summary>What a rule does while its tree evaluates to no data.</summary>
public enum NoDataPolicy
{
    /// <summary>Default: keep the current state (a log/trace leaf without its service never fires nor resolves).</summary>
    KeepLastState,

    /// <summary>Treat no data as the condition being false.</summary>
    Inactive,
}

/// <summary>
/// An alerting rule. <see cref="For"/> is how long the condition must hold before firing;
/// <see cref="KeepFiringFor"/> how long a firing alert stays after the condition stops holding.
/// Annotations are parsed templates, so a definition can only exist with valid templates.
/// </summary>
public sealed record RuleDefinition(
    string Id,
    string Name,
    Severity Severity,
    ConditionNode Condition,
    TimeSpan EvaluationInterval,
    TimeSpan For = default,
    TimeSpan KeepFiringFor = default,
    LabelSet? Labels = null,
    IReadOnlyDictionary<string, PromTemplate>? Annotations = null,
    NoDataPolicy NoData = NoDataPolicy.KeepLastState)
{
    /// <summary>Labels of the rule's alert: the rule labels plus <c>alertname</c> and <c>severity</c>.</summary>
    public LabelSet AlertLabels =>
        (Labels ?? LabelSet.Empty).With("alertname", Name).With("severity", Severity.ToString().ToLowerInvariant());

    /// <summary>
    /// Prometheus sends a firing alert with endsAt = now + 4 × max(interval, 1m), so a rule
    /// that stops being evaluated resolves by itself instead of firing for ever.
    /// </summary>
    public TimeSpan AlertValidity => 4 * (EvaluationInterval > TimeSpan.FromMinutes(1) ? EvaluationInterval : TimeSpan.FromMinutes(1));
}
