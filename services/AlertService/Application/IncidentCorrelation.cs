using AirisEpm.AlertService.Domain.Correlation;
using AirisEpm.AlertService.Domain.Dispatch;
using Microsoft.Extensions.Options;

namespace AirisEpm.AlertService.Application;

/// <summary>
/// What an incident should say about its neighbourhood: the services failing together with the
/// group's alerts (close in time, same group or linked by a dependency edge) and the deepest failing
/// dependency as the suggested root cause. The edges are trace-service's dependency graph over the
/// correlation window before the earliest active alert up to now; when trace-service cannot answer, the
/// alerts' <c>service</c>/<c>upstream</c> labels stand in (and the reason says so).
/// </summary>
public sealed class IncidentCorrelation(IActiveAlertSource alerts, IServiceGraphSource traces, TimeProvider time, IOptions<AlertEngineOptions> options)
{
    public async Task<(IReadOnlyList<string> Services, string? RootCause)> ForAsync(NotificationDue due, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(due);
        var own = due.Firing.Select(a => a.Fingerprint).ToHashSet();
        var active = alerts.ActiveAlerts();
        // Other groups' keys are not at hand here; the alert name stands in, which links the same
        // alert across instances as grouping by alertname would.
        var candidates = active
            .Select(a => new CorrelationCandidate(a, own.Contains(a.Fingerprint) ? due.GroupKey : "alertname:" + a.Labels["alertname"]))
            .ToList();
        var now = time.GetUtcNow();
        var since = active.Count == 0 ? now : active.Min(a => a.StartsAt);
        var traced = await traces.GraphAsync(Min(since, now) - options.Value.CorrelationWindow, now.AddMinutes(1), cancellationToken);
        var graph = traced ?? ServiceGraph.FromAlertLabels(active.Select(a => a.Labels));
        var source = traced is null ? " (dependencies from alert labels: trace-service did not answer)" : " (dependencies from trace-service's graph)";
        var incident = AlertCorrelator.Correlate(candidates, graph, new CorrelationOptions { Window = options.Value.CorrelationWindow })
            .FirstOrDefault(i => i.Alerts.Any(own.Contains));
        return incident is null
            ? (OwnServices(due), null)
            : (incident.Services, incident.RootCause is { } cause ? $"{cause.Service}: {cause.Reason}{source}" : null);
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    private static List<string> OwnServices(NotificationDue due) =>
        [.. due.Firing.Select(a => a.Labels["service"]).Where(s => s.Length > 0).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

}
