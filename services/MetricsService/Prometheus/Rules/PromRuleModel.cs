namespace AirisEpm.MetricsService.Prometheus.Rules;

/// <summary>A rule group as Prometheus's <c>/api/v1/rules</c> lists it.</summary>
public sealed record PromRuleGroup(string Name, string File, IReadOnlyList<PromAlertingRule> Rules, double IntervalSeconds, DateTimeOffset? LastEvaluation);

/// <summary>An alerting rule in Prometheus's shape: <c>state</c> inactive/pending/firing, <c>health</c> ok/err/unknown.</summary>
public sealed record PromAlertingRule(
    string State,
    string Name,
    string Query,
    double DurationSeconds,
    double KeepFiringForSeconds,
    IReadOnlyDictionary<string, string> Labels,
    IReadOnlyDictionary<string, string> Annotations,
    IReadOnlyList<PromAlert> Alerts,
    string Health,
    string? LastError,
    DateTimeOffset? LastEvaluation);

/// <summary>An active alert in Prometheus's shape; <see cref="Value"/> already formatted as Prometheus's <c>%e</c>.</summary>
public sealed record PromAlert(
    IReadOnlyDictionary<string, string> Labels,
    IReadOnlyDictionary<string, string> Annotations,
    string State,
    DateTimeOffset? ActiveAt,
    DateTimeOffset? KeepFiringSince,
    string Value);
