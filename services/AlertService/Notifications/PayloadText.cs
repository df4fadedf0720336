namespace AirisEpm.AlertService.Notifications;

/// <summary>Wording shared by every channel, so an email, a Slack message and an SMS say the same.</summary>
public static class PayloadText
{
    public static string AlertName(WebhookPayload payload) =>
        payload.CommonLabels.GetValueOrDefault("alertname")
        ?? payload.GroupLabels.GetValueOrDefault("alertname")
        ?? (payload.Alerts.Count > 0 ? payload.Alerts[0].Labels.GetValueOrDefault("alertname") : null)
        ?? "alert";

    public static string Severity(WebhookPayload payload) =>
        payload.CommonLabels.GetValueOrDefault("severity") ?? "unknown";

    public static int FiringCount(WebhookPayload payload) => payload.Alerts.Count(a => a.Status == WebhookPayload.Firing);

    /// <summary>
    /// "[FIRING:2] HighErrorRate (api, critical)" — what Alertmanager's default title looks like; an incident page
    /// standing for several alert groups adds "+ 2 correlated groups".
    /// </summary>
    public static string Title(WebhookPayload payload)
    {
        var state = payload.Status == WebhookPayload.Firing ? $"FIRING:{FiringCount(payload)}" : "RESOLVED";
        var groupValues = payload.GroupLabels.Where(l => l.Key != "alertname").Select(l => l.Value).ToList();
        var detail = groupValues.Count > 0 ? $" ({string.Join(", ", groupValues)})" : "";
        var others = (payload.Incident?.Groups.Count ?? 1) - 1;
        var correlated = others > 0 ? $" + {others} correlated group{(others == 1 ? "" : "s")}" : "";
        return $"[{state}] {AlertName(payload)}{detail}{correlated}";
    }

    /// <summary>An incident page's lines about the incident: its alert groups, its failing services, the suggested root cause.</summary>
    public static IReadOnlyList<string> IncidentLines(IncidentNote note)
    {
        ArgumentNullException.ThrowIfNull(note);
        List<string> lines = [$"Incident {note.Id}: {note.Groups.Count} alert group{(note.Groups.Count == 1 ? "" : "s")}: {string.Join("; ", note.Groups)}"];
        if (note.Services.Count > 0) lines.Add($"Failing services: {string.Join(", ", note.Services)}");
        if (note.RootCause is { } cause) lines.Add($"Suggested root cause: {cause}");
        return lines;
    }

    /// <summary>
    /// The service named by a root cause ("db: db has no failing dependency ..." gives "db"), for texts too short for
    /// the reason. Correlation writes the service first, then ": ".
    /// </summary>
    public static string RootCauseService(string rootCause)
    {
        ArgumentNullException.ThrowIfNull(rootCause);
        var colon = rootCause.IndexOf(": ", StringComparison.Ordinal);
        return colon > 0 ? rootCause[..colon] : rootCause;
    }

    /// <summary>The alert's own words: summary, else description, else its labels.</summary>
    public static string Summary(WebhookAlert alert) =>
        alert.Annotations.GetValueOrDefault("summary")
        ?? alert.Annotations.GetValueOrDefault("description")
        ?? string.Join(", ", alert.Labels.Where(l => l.Key != "alertname").Select(l => $"{l.Key}={l.Value}"));
}
