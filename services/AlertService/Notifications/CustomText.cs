using AirisEpm.GoTemplates;

namespace AirisEpm.AlertService.Notifications;

/// <summary>
/// Applies a receiver's custom templates (<see cref="NotificationTemplate"/>: Alertmanager's notification data) over the
/// built-in renderings; they were parsed when the configuration was accepted, and one that fails at render time
/// falls back to the built-in text.
/// </summary>
public static class CustomText
{
    public static EmailMessage Apply(EmailMessage message, EmailTarget target, WebhookPayload payload)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(target);
        return message with
        {
            Subject = Render(target.SubjectTemplate, payload) ?? message.Subject,
            HtmlBody = Render(target.HtmlTemplate, payload) ?? message.HtmlBody,
        };
    }

    public static SlackMessage Apply(SlackMessage message, SlackTarget target, WebhookPayload payload)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(target);
        var title = Render(target.TitleTemplate, payload);
        var text = Render(target.TextTemplate, payload);
        if (title is null && text is null) return message;
        var attachments = message.Attachments
            .Select(a => a with { Title = title ?? a.Title, Text = text ?? a.Text })
            .ToList();
        return message with { Text = title ?? message.Text, Attachments = attachments };
    }

    public static string Sms(SmsTarget target, WebhookPayload payload)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (Render(target.TextTemplate, payload) is not { } text) return SmsMessage.From(payload);
        return text.Length <= SmsMessage.MaxLength ? text : string.Concat(text.AsSpan(0, SmsMessage.MaxLength - 1), "…");
    }

    public static string? Render(string? template, WebhookPayload payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        if (template is null) return null;
        try
        {
            return NotificationTemplate.Parse(template).Render(payload);
        }
        catch (GoTemplateException)
        {
            return null;
        }
    }
}
