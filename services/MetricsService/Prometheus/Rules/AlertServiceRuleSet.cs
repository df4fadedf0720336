using System.Text.Json.Nodes;

namespace AirisEpm.MetricsService.Prometheus.Rules;

/// <summary>
/// What alert-service holds: the groups of its Prometheus rule files, already in Prometheus's JSON (its own
/// <c>/api/v1/rules</c>), and its native rules (condition trees, <c>/api/v1/rules/native</c>) with their states.
/// </summary>
public sealed record AlertServiceRuleSet(
    IReadOnlyList<JsonObject> PrometheusGroups,
    IReadOnlyList<(AlertServiceRule Rule, AlertServiceRuleState? State)> Native);
