namespace AirisEpm.ServiceDefaults.Events.Contracts;

/// <summary>
/// alert-service changed its rules. <see cref="StreamingRules"/> is the complete set of rules that
/// can be checked on ingest, so a subscriber replaces its copy; <see cref="Version"/> only grows,
/// so a late, older delivery is ignored.
/// </summary>
[EventTopic(Topics.AlertsRulesChanged)]
public sealed record AlertRulesChanged(long Version, IReadOnlyList<ThresholdRuleContract> StreamingRules) : IntegrationEvent;
