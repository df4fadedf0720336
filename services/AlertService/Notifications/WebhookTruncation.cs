namespace AirisEpm.AlertService.Notifications;

/// <summary>
/// A webhook's <c>max_alerts</c>, as Alertmanager 0.25 applies it: the payload keeps its first
/// <c>max_alerts</c> alerts (in the order they were going to be sent), <c>truncatedAlerts</c> says how many
/// were dropped, and the rest of the payload (<c>status</c>, <c>commonLabels</c>, <c>commonAnnotations</c>)
/// describes the alerts kept, because Alertmanager builds its template data after truncating. 0 is no limit.
/// </summary>
public static class WebhookTruncation
{
    public static WebhookPayload Apply(WebhookPayload payload, int maxAlerts)
    {
        ArgumentNullException.ThrowIfNull(payload);
        ArgumentOutOfRangeException.ThrowIfNegative(maxAlerts);
        if (maxAlerts == 0 || payload.Alerts.Count <= maxAlerts) return payload;
        var kept = payload.Alerts.Take(maxAlerts).ToList();
        return payload with
        {
            Alerts = kept,
            TruncatedAlerts = payload.Alerts.Count - maxAlerts,
            Status = kept.Any(a => a.Status == WebhookPayload.Firing) ? WebhookPayload.Firing : WebhookPayload.Resolved,
            CommonLabels = CommonPairs.Of(kept.Select(a => a.Labels)),
            CommonAnnotations = CommonPairs.Of(kept.Select(a => a.Annotations)),
        };
    }
}
