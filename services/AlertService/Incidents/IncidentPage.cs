using AirisEpm.AlertService.Notifications;

namespace AirisEpm.AlertService.Incidents;

/// <summary>
/// What an incident's escalation step sends: one page for all its groups. The alerts are those of every group still
/// firing (of all its groups once every one resolved), the first such group's notification giving the rest (group
/// key, labels, receiver); the <see cref="IncidentNote"/> names every group and the suggested root cause. A group still
/// in its group_wait is named ("(in group_wait)") but its alerts wait for its own notification.
/// </summary>
public static class IncidentPage
{
    /// <summary>Null when no group's notification is known (nothing to send).</summary>
    public static WebhookPayload? Compose(Incident incident, IReadOnlyDictionary<string, WebhookPayload> payloads)
    {
        ArgumentNullException.ThrowIfNull(incident);
        ArgumentNullException.ThrowIfNull(payloads);
        var members = incident.Members();
        var notified = members.Where(g => !g.Waiting).ToList();
        var firing = PayloadsOf(notified.Where(g => !g.Resolved), payloads);
        var parts = firing.Count > 0 ? firing : PayloadsOf(notified, payloads);
        if (parts.Count == 0) return null;
        var alerts = parts.SelectMany(p => p.Alerts).DistinctBy(a => a.Fingerprint, StringComparer.Ordinal).ToList();
        return parts[0] with
        {
            Alerts = alerts,
            Status = alerts.Any(a => a.Status == WebhookPayload.Firing) ? WebhookPayload.Firing : WebhookPayload.Resolved,
            CommonLabels = CommonPairs.Of(alerts.Select(a => a.Labels)),
            CommonAnnotations = CommonPairs.Of(alerts.Select(a => a.Annotations)),
            Incident = new IncidentNote(incident.Id, [.. members.Select(NameOf)], incident.Services, incident.RootCause),
        };
    }

    private static string NameOf(IncidentGroup group) =>
        group.Waiting ? $"{group.Name} (in group_wait)" : group.Resolved ? $"{group.Name} (resolved)" : group.Name;

    private static List<WebhookPayload> PayloadsOf(IEnumerable<IncidentGroup> groups, IReadOnlyDictionary<string, WebhookPayload> payloads) =>
        [.. groups.Select(g => payloads.GetValueOrDefault(g.GroupKey)).OfType<WebhookPayload>()];
}
