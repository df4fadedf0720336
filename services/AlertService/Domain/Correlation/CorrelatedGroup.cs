using AirisEpm.AlertService.Domain.Alerts;

namespace AirisEpm.AlertService.Domain.Correlation;

/// <summary>
/// An alert group as incident joining sees it: its active (neither silenced nor inhibited) alerts, the escalation
/// policy its route names (null: the group pages its receiver and never becomes an incident), and whether it has
/// flushed once (a group still in its group_wait has told nobody yet).
/// </summary>
public sealed record CorrelatedGroup(string Key, string? Policy, bool HasFlushed, IReadOnlyList<Alert> Alerts);
