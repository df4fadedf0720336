namespace AirisEpm.AlertService.Incidents;

/// <summary>An incident as GET /api/v1/incidents lists it.</summary>
public sealed record IncidentSummary(
    string Id,
    string GroupKey,
    string Title,
    IncidentStatus Status,
    DateTimeOffset TriggeredAt,
    string? RootCause)
{
    public static IncidentSummary Of(Incident incident) => new(
        incident.Id, incident.GroupKey, incident.Title, incident.Status, incident.TriggeredAt, incident.RootCause);
}
