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

    /// <summary>"[FIRING:2] HighErrorRate (api, critical)" — what Alertmanager's default title looks like.</summary>
    public static string Title(WebhookPayload payload)
    {
        var state = payload.Status == WebhookPayload.Firing ? $"FIRING:{FiringCount(payload)}" : "RESOLVED";
        var groupValues = payload.GroupLabels.Where(l => l.Key != "alertname").Select(l => l.Value).ToList();
        var detail = groupValues.Count > 0 ? $" ({string.Join(", ", groupValues)})" : "";
        return $"[{state}] {AlertName(payload)}{detail}";
    }

    /// <summary>The alert's own words: summary, else description, else its labels.</summary>
    public static string Summary(WebhookAlert alert) =>
        alert.Annotations.GetValueOrDefault("summary")
        ?? alert.Annotations.GetValueOrDefault("description")
        ?? string.Join(", ", alert.Labels.Where(l => l.Key != "alertname").Select(l => $"{l.Key}={l.Value}"));
}
