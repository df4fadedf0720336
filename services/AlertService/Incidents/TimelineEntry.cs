namespace AirisEpm.AlertService.Incidents;

/// <summary>Something that happened to an incident: triggered, notified, acknowledged, resolved, updated.</summary>
public sealed record TimelineEntry(DateTimeOffset At, string Kind, string Detail);
