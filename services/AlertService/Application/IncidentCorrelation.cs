using AirisEpm.AlertService.Domain.Correlation;
using AirisEpm.AlertService.Domain.Dispatch;
using AirisEpm.AlertService.Incidents;
using Microsoft.Extensions.Options;

namespace AirisEpm.AlertService.Application;

/// <summary>
/// Where a firing group's incident is (<see cref="IncidentJoining"/>: a new one, or an open one it joins) and what it
/// should say about its neighbourhood: the services failing together with the group's alerts (close in time, same
/// group, or linked by a dependency edge) and the deepest failing dependency as the suggested root cause. The edges are
/// trace-service's dependency graph over the correlation window before the earliest active alert up to now; when
/// trace-service cannot answer, the alerts' <c>service</c>/<c>upstream</c> labels stand in (and the reason says so). The
/// open incidents read are those the index finds for the group and its component, by group key.
/// </summary>
public sealed class IncidentCorrelation(
    IActiveAlertSource alerts, IServiceGraphSource traces, IIncidentIndex index, TimeProvider time, IOptions<AlertEngineOptions> options)
{
    public async Task<IncidentPlan> PlanAsync(NotificationDue due, string policy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(due);
        var groups = WithOwnAlerts(alerts.ActiveGroups(), due);
        var active = groups.SelectMany(g => g.Alerts).ToList();
        var now = time.GetUtcNow();
        var since = active.Count == 0 ? now : active.Min(a => a.StartsAt);
        var window = options.Value.CorrelationWindow;
        var traced = await traces.GraphAsync((since < now ? since : now) - window, now.AddMinutes(1), cancellationToken);
        var graph = traced ?? ServiceGraph.FromAlertLabels(active.Select(a => a.Labels));
        var source = traced is null ? " (dependencies from alert labels: trace-service did not answer)" : " (dependencies from trace-service's graph)";
        List<CorrelatedGroup> correlated = [.. groups.Select(g => g.ToCorrelated())];
        var component = IncidentJoining.ComponentOf(due.GroupKey, correlated, graph, new CorrelationOptions { Window = window });
        var open = await index.OpenHoldingAsync(IncidentJoining.GroupsToLookUp(due.GroupKey, component), cancellationToken);
        var decision = IncidentJoining.Decide(due.GroupKey, policy, correlated, component, open);
        return decision.Correlation is { } incident
            ? new IncidentPlan(decision, incident.Services, incident.RootCause is { } cause ? $"{cause.Service}: {cause.Reason}{source}" : null, groups)
            : new IncidentPlan(decision, OwnServices(due), null, groups);
    }

    /// <summary>The notified group's alerts count even when the engine no longer holds them active (they resolved since the flush).</summary>
    private static List<ActiveGroup> WithOwnAlerts(IReadOnlyList<ActiveGroup> groups, NotificationDue due)
    {
        var own = groups.FirstOrDefault(g => g.Key == due.GroupKey);
        var alerts = (own?.Alerts ?? []).Concat(due.Firing).DistinctBy(a => a.Fingerprint).ToList();
        var merged = own is null
            ? new ActiveGroup(due.GroupKey, due.Receiver, due.RouteId, due.GroupLabels, due.EscalationPolicy, HasFlushed: true, alerts)
            : own with { Alerts = alerts };
        return [.. groups.Where(g => g.Key != due.GroupKey), merged];
    }

    private static List<string> OwnServices(NotificationDue due) =>
        [.. due.Firing.Select(a => a.Labels.Get("service")).Where(s => s.Length > 0).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
}
