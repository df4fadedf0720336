using AirisEpm.AlertService.Domain.PrometheusRules;

namespace AirisEpm.AlertService.Domain.Rules;

/// <summary>
/// A rule whose condition is a PromQL expression rather than a tree of leaves: evaluated with Prometheus's semantics
/// as the one alerting rule <see cref="Rule"/> (one alert per output series, its labels and annotations Go templates),
/// not by <see cref="ConditionEvaluator"/>. It has no leaves.
/// </summary>
public sealed record PromExprCondition(PromAlertingRule Rule) : ConditionNode;
