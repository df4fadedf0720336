namespace AirisEpm.AlertService.Notifications;

/// <summary>An SMS summary that fits one 160-character segment.</summary>
public static class SmsMessage
{
    public const int MaxLength = 160;

    public static string From(WebhookPayload payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var first = payload.Alerts.FirstOrDefault(a => a.Status == payload.Status) ?? (payload.Alerts.Count > 0 ? payload.Alerts[0] : null);
        var cause = payload.Incident?.RootCause is { } rootCause ? $" · root cause {PayloadText.RootCauseService(rootCause)}" : "";
        var text = first is null
            ? PayloadText.Title(payload) + cause
            : $"{PayloadText.Title(payload)}{cause}: {PayloadText.Summary(first)}";
        return text.Length <= MaxLength ? text : string.Concat(text.AsSpan(0, MaxLength - 1), "…");
    }
}
