using AirisEpm.AlertService.Domain.Alerts;

namespace AirisEpm.AlertService.Domain.Dispatch;

/// <summary>Decides whether an alert is kept out of notifications (silenced or inhibited) at an instant.</summary>
public interface IAlertMuter
{
    bool IsMuted(Alert alert, DateTimeOffset now);
}
