namespace AirisEpm.AlertService.Escalation;

public enum IncidentStatus
{
    Triggered,
    Acknowledged,
    Resolved,
}
