namespace AirisEpm.AlertService.Incidents;

public enum IncidentStatus
{
    Triggered,
    Acknowledged,
    Resolved,
}
