using AirisEpm.AlertService.Domain.Correlation;
using AirisEpm.AlertService.Domain.Dispatch;
using Microsoft.Extensions.Options;

namespace AirisEpm.AlertService.Application;

/// <summary>
/// What an incident should say about its neighbourhood: the services failing together with the
/// group's alerts (close in time, same group or linked by <c>service</c>/<c>upstream</c> labels)
/// and the deepest failing dependency as the suggested root cause.
/// </summary>
public sealed class IncidentCorrelation(IActiveAlertSource alerts, IOptions<AlertEngineOptions> options)
{
    public (IReadOnlyList<string> Services, string? RootCause) For(NotificationDue due)
    {
        ArgumentNullException.ThrowIfNull(due);
        var own = due.Firing.Select(a => a.Fingerprint).ToHashSet();
        var active = alerts.ActiveAlerts();
        // Other groups' keys are not at hand here; the alert name stands in, which links the same
        // alert across instances as grouping by alertname would.
        var candidates = active
            .Select(a => new CorrelationCandidate(a, own.Contains(a.Fingerprint) ? due.GroupKey : "alertname:" + a.Labels["alertname"]))
            .ToList();
        var graph = ServiceGraph.FromAlertLabels(active.Select(a => a.Labels));
        var incident = AlertCorrelator.Correlate(candidates, graph, new CorrelationOptions { Window = options.Value.CorrelationWindow })
            .FirstOrDefault(i => i.Alerts.Any(own.Contains));
        return incident is null
            ? (OwnServices(due), null)
            : (incident.Services, incident.RootCause is { } cause ? $"{cause.Service}: {cause.Reason}" : null);
    }

    private static List<string> OwnServices(NotificationDue due) =>
        [.. due.Firing.Select(a => a.Labels["service"]).Where(s => s.Length > 0).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

}
