using System.Net;
using System.Text;

namespace AirisEpm.AlertService.Notifications;

/// <summary>The subject and HTML body of an alert email (HTML-encoded: labels are user data).</summary>
public sealed record EmailMessage(string Subject, string HtmlBody)
{
    public static EmailMessage From(WebhookPayload payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var html = new StringBuilder();
        var colour = SeverityColours.For(PayloadText.Severity(payload), payload.Status);
        html.Append("<!DOCTYPE html><html><body style=\"font-family:sans-serif\">");
        html.Append($"<h2 style=\"color:{colour}\">{Encode(PayloadText.Title(payload))}</h2>");
        html.Append($"<p>Receiver: {Encode(payload.Receiver)}</p>");
        if (payload.Incident is { } incident)
        {
            foreach (var line in PayloadText.IncidentLines(incident)) html.Append($"<p><b>{Encode(line)}</b></p>");
        }

        foreach (var alert in payload.Alerts)
        {
            html.Append("<hr><h3>").Append(Encode(alert.Status.ToUpperInvariant())).Append(": ")
                .Append(Encode(PayloadText.Summary(alert))).Append("</h3>");
            html.Append("<table>");
            foreach (var (name, value) in alert.Labels.OrderBy(l => l.Key, StringComparer.Ordinal))
            {
                html.Append($"<tr><td><b>{Encode(name)}</b></td><td>{Encode(value)}</td></tr>");
            }

            html.Append("</table>");
            html.Append($"<p>Since {alert.StartsAt:u}</p>");
            if (alert.GeneratorUrl.Length > 0)
            {
                html.Append($"<p><a href=\"{Encode(alert.GeneratorUrl)}\">Source</a></p>");
            }
        }

        html.Append($"<p><a href=\"{Encode(payload.ExternalUrl)}\">Open in AIRIS EPM</a></p></body></html>");
        return new EmailMessage(PayloadText.Title(payload), html.ToString());
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
