using AirisEpm.AlertService.Domain.Alerts;
using AirisEpm.AlertService.Domain.Dispatch;
using AirisEpm.AlertService.Domain.Labels;
using AirisEpm.PromQl.Model;
using AirisEpm.AlertService.Notifications;

namespace AirisEpm.AlertService.Application;

/// <summary>Builds the Alertmanager webhook v4 payload of a due notification, its alerts in Alertmanager's order.</summary>
public static class WebhookPayloads
{
    public static WebhookPayload From(NotificationDue due, Uri externalUrl)
    {
        ArgumentNullException.ThrowIfNull(due);
        ArgumentNullException.ThrowIfNull(externalUrl);
        List<WebhookAlert> alerts = [.. due.Firing.Select(a => (Alert: a, Status: WebhookPayload.Firing))
            .Concat(due.Resolved.Select(a => (Alert: a, Status: WebhookPayload.Resolved)))
            .OrderBy(e => e.Alert.Labels, AlertmanagerLabelOrder.Instance)
            .Select(e => ToWebhook(e.Alert, e.Status))];
        return new WebhookPayload
        {
            GroupKey = due.GroupKey,
            Status = due.Status == AlertState.Firing ? WebhookPayload.Firing : WebhookPayload.Resolved,
            Receiver = due.Receiver,
            GroupLabels = due.GroupLabels.ToDictionary(),
            CommonLabels = CommonPairs.Of(alerts.Select(a => a.Labels)),
            CommonAnnotations = CommonPairs.Of(alerts.Select(a => a.Annotations)),
            ExternalUrl = externalUrl.ToString().TrimEnd('/'),
            Alerts = alerts,
        };
    }

    /// <summary>Firing alerts whose end is only the resolve timeout show no end, as in Alertmanager.</summary>
    private static WebhookAlert ToWebhook(Alert alert, string status) => new()
    {
        Status = status,
        Labels = alert.Labels.ToDictionary(),
        Annotations = alert.Annotations.ToDictionary(),
        StartsAt = alert.StartsAt,
        EndsAt = status == WebhookPayload.Firing && alert.Timeout ? default : alert.EndsAt,
        GeneratorUrl = alert.GeneratorUrl ?? "",
        Fingerprint = alert.Fingerprint.ToString(),
    };
}
