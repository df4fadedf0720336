using System.Text.Json;

namespace AirisEpm.MetricsService.Prometheus.Rules;

/// <summary>A rule as alert-service's <c>GET /api/v1/rules</c> lists it (the fields the Prometheus API needs).</summary>
public sealed record AlertServiceRule(string Id, AlertServiceRuleDocument? Rule);

/// <summary>
/// alert-service's rule document. <see cref="Expr"/> is a PromQL condition where the rule has one; otherwise the
/// condition tree (<see cref="Condition"/>) is the rule's query.
/// </summary>
public sealed record AlertServiceRuleDocument(
    string? Name,
    string? Severity,
    IReadOnlyDictionary<string, string>? Labels,
    IReadOnlyDictionary<string, string>? Annotations,
    string? For,
    string? KeepFiringFor,
    string? EvaluationInterval,
    string? Expr,
    JsonElement? Condition);

/// <summary>A rule actor's state as alert-service's <c>GET /api/v1/rules/{id}/state</c> answers it.</summary>
public sealed record AlertServiceRuleState(
    string? Phase,
    string? Health,
    DateTimeOffset? PendingSince,
    DateTimeOffset? FiringSince,
    DateTimeOffset? KeepFiringSince,
    double? LastValue,
    DateTimeOffset? LastEvaluatedAt,
    string? LastError);
