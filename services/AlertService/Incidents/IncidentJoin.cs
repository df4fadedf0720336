namespace AirisEpm.AlertService.Incidents;

/// <summary>A firing group that correlation put in an open incident (new to it, or already in it), with what correlation found now.</summary>
public sealed record IncidentJoin(IncidentMember Member, IReadOnlyList<string> Services, string? RootCause);
