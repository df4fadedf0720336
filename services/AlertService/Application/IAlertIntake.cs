using AirisEpm.AlertService.Domain.Alerts;

namespace AirisEpm.AlertService.Application;

/// <summary>
/// The one way alerts enter alert-service, whatever produced them: POST /api/v2/alerts (Prometheus
/// and other Alertmanager clients), rule actors, and the metrics/logs/traces integration events.
/// Returns once the alerts are in the alert store (and so in the dispatcher's groups).
/// </summary>
public interface IAlertIntake
{
    Task SubmitAsync(IReadOnlyList<PostedAlert> alerts, CancellationToken cancellationToken);
}
