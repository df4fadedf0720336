using System.Text.Json.Serialization;

namespace AirisEpm.AlertService.Notifications;

/// <summary>
/// A Slack incoming-webhook message: a text fallback and one attachment coloured by severity
/// (green when resolved), with the labels as fields and links back to the source and to AIRIS.
/// </summary>
public sealed record SlackMessage(
    [property: JsonPropertyName("text")] string Text,
    [property: JsonPropertyName("attachments")] IReadOnlyList<SlackAttachment> Attachments)
{
    public static SlackMessage From(WebhookPayload payload, string? channel = null)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var title = PayloadText.Title(payload);
        var fields = payload.CommonLabels
            .OrderBy(l => l.Key, StringComparer.Ordinal)
            .Select(l => new SlackField(l.Key, l.Value, true))
            .ToList();
        var lines = (payload.Incident is { } incident ? PayloadText.IncidentLines(incident) : [])
            .Concat(payload.Alerts.Select(a => $"• {a.Status}: {PayloadText.Summary(a)}"));
        var attachment = new SlackAttachment(
            Colour: SeverityColours.For(PayloadText.Severity(payload), payload.Status),
            Title: title,
            TitleLink: payload.ExternalUrl,
            Text: string.Join("\n", lines),
            Fields: fields,
            Footer: $"AIRIS EPM · receiver {payload.Receiver}");
        return new SlackMessage(title, [attachment]) { Channel = channel };
    }

    [JsonPropertyName("channel")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Channel { get; init; }
}

public sealed record SlackAttachment(
    [property: JsonPropertyName("color")] string Colour,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("title_link")] string TitleLink,
    [property: JsonPropertyName("text")] string Text,
    [property: JsonPropertyName("fields")] IReadOnlyList<SlackField> Fields,
    [property: JsonPropertyName("footer")] string Footer);

public sealed record SlackField(
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("value")] string Value,
    [property: JsonPropertyName("short")] bool IsShort);
