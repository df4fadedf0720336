using AirisEpm.AlertService.Domain.Alerts;

namespace AirisEpm.AlertService.Application;

/// <summary>The alerts firing now and neither silenced nor inhibited: what correlation looks at.</summary>
public interface IActiveAlertSource
{
    IReadOnlyList<Alert> ActiveAlerts();
}
