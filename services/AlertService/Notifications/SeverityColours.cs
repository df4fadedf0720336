namespace AirisEpm.AlertService.Notifications;

/// <summary>Colours per severity, as Slack attachments and email headings show them.</summary>
public static class SeverityColours
{
    public const string Resolved = "#2eb886";

    public static string For(string severity, string status) => status == WebhookPayload.Resolved
        ? Resolved
        : severity switch
        {
            "critical" => "#d00000",
            "warning" => "#daa038",
            "info" => "#439fe0",
            _ => "#808080",
        };
}
