namespace AirisEpm.AlertService.Domain.Correlation;

/// <summary>An incident not resolved yet, as joining sees it: its escalation policy and the alert groups it stands for.</summary>
public sealed record OpenIncident(string Id, string? Policy, IReadOnlyList<string> Groups, DateTimeOffset TriggeredAt);
