namespace AirisEpm.AlertService.Notifications;

/// <summary>
/// What an integration with <c>send_resolved: false</c> sends, as Alertmanager 0.25's <c>RetryStage</c> decides
/// before the integration (and so before a webhook's <c>max_alerts</c>) sees the alerts: nothing when the group has no
/// firing alert (the notification log still records it), else the firing alerts only, the payload's status and common
/// labels and annotations describing them. An integration that sends resolved notices gets the payload as it is.
/// </summary>
public static class ResolvedNotices
{
    /// <summary>The payload to send, or null when there is nothing to send.</summary>
    public static WebhookPayload? For(WebhookPayload payload, bool sendResolved)
    {
        ArgumentNullException.ThrowIfNull(payload);
        if (sendResolved) return payload;
        if (payload.Status == WebhookPayload.Resolved) return null;
        List<WebhookAlert> firing = [.. payload.Alerts.Where(a => a.Status == WebhookPayload.Firing)];
        return firing.Count == payload.Alerts.Count ? payload : payload.Carrying(firing);
    }
}
