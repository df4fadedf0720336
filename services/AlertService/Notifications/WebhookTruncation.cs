namespace AirisEpm.AlertService.Notifications;

/// <summary>
/// A webhook's <c>max_alerts</c>, as Alertmanager 0.25 applies it: the payload keeps its first
/// <c>max_alerts</c> alerts (in the order they were going to be sent), <c>truncatedAlerts</c> says how many
/// were dropped, and the rest of the payload (<c>status</c>, <c>commonLabels</c>, <c>commonAnnotations</c>)
/// describes the alerts kept, because Alertmanager builds its template data after truncating. 0 is no limit.
/// It applies to what the integration sends, so after <see cref="ResolvedNotices"/> dropped resolved alerts.
/// </summary>
public static class WebhookTruncation
{
    public static WebhookPayload Apply(WebhookPayload payload, int maxAlerts)
    {
        ArgumentNullException.ThrowIfNull(payload);
        ArgumentOutOfRangeException.ThrowIfNegative(maxAlerts);
        if (maxAlerts == 0 || payload.Alerts.Count <= maxAlerts) return payload;
        return payload.Carrying([.. payload.Alerts.Take(maxAlerts)], payload.Alerts.Count - maxAlerts);
    }
}
