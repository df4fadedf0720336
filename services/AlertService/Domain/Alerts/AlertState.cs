namespace AirisEpm.AlertService.Domain.Alerts;

/// <summary>Lifecycle of an alert at a given instant (Alertmanager's firing/resolved).</summary>
public enum AlertState
{
    Firing,
    Resolved,
}
