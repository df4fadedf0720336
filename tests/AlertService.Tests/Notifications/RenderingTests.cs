using System.Text.Json;
using AirisEpm.AlertService.Notifications;

namespace AirisEpm.AlertService.Tests.Notifications;

public sealed class RenderingTests
{
    [Fact]
    public void Title_reads_like_alertmanager()
    {
        var payload = Payloads.Group(WebhookPayload.Firing, Payloads.Alert("firing", "api"), Payloads.Alert("firing", "api"));
        Assert.Equal("[FIRING:2] HighErrorRate (api)", PayloadText.Title(payload));
        Assert.Equal("[RESOLVED] HighErrorRate (api)", PayloadText.Title(payload with { Status = WebhookPayload.Resolved }));
    }

    [Fact]
    public void Email_html_encodes_user_data_and_links_back()
    {
        var payload = Payloads.Group(WebhookPayload.Firing, Payloads.Alert("firing", "<script>alert(1)</script>"));
        var email = EmailMessage.From(payload);

        Assert.Equal("[FIRING:1] HighErrorRate (api)", email.Subject);
        Assert.DoesNotContain("<script>", email.HtmlBody);
        Assert.Contains("&lt;script&gt;", email.HtmlBody);
        Assert.Contains("Error rate above 5%", email.HtmlBody);
        Assert.Contains("href=\"http://localhost:8004\"", email.HtmlBody);
        Assert.Contains("#d00000", email.HtmlBody);
    }

    [Fact]
    public void Slack_message_is_coloured_by_severity_and_green_when_resolved()
    {
        var firing = SlackMessage.From(Payloads.Group(WebhookPayload.Firing, Payloads.Alert("firing", "api")), "#oncall");
        var resolved = SlackMessage.From(Payloads.Group(WebhookPayload.Resolved, Payloads.Alert("resolved", "api")));

        using var json = JsonDocument.Parse(JsonSerializer.Serialize(firing));
        var attachment = json.RootElement.GetProperty("attachments")[0];
        Assert.Equal("#d00000", attachment.GetProperty("color").GetString());
        Assert.Equal("#oncall", json.RootElement.GetProperty("channel").GetString());
        Assert.Equal("http://localhost:8004", attachment.GetProperty("title_link").GetString());
        Assert.Contains(attachment.GetProperty("fields").EnumerateArray(), f => f.GetProperty("title").GetString() == "severity");
        Assert.Equal(SeverityColours.Resolved, resolved.Attachments[0].Colour);
        Assert.DoesNotContain("channel", JsonSerializer.Serialize(resolved));
    }

    [Fact]
    public void Sms_fits_one_segment_even_for_a_long_summary()
    {
        var payload = Payloads.Group(WebhookPayload.Firing, Payloads.Alert("firing", "api", new string('x', 500)));
        var text = SmsMessage.From(payload);

        Assert.Equal(SmsMessage.MaxLength, text.Length);
        Assert.StartsWith("[FIRING:1] HighErrorRate (api): xxx", text);
        Assert.EndsWith("…", text);
    }

    [Fact]
    public void Short_sms_is_left_whole()
    {
        var text = SmsMessage.From(Payloads.Group(WebhookPayload.Firing, Payloads.Alert("firing", "api", "down")));
        Assert.Equal("[FIRING:1] HighErrorRate (api): down", text);
    }

    [Fact]
    public void Webhook_payload_has_alertmanager_v4_field_names()
    {
        var json = JsonSerializer.Serialize(Payloads.Group(WebhookPayload.Firing, Payloads.Alert("firing", "api")));
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;

        Assert.Equal("4", root.GetProperty("version").GetString());
        foreach (var field in new[] { "groupKey", "truncatedAlerts", "status", "receiver", "groupLabels", "commonLabels", "commonAnnotations", "externalURL", "alerts" })
        {
            Assert.True(root.TryGetProperty(field, out _), field);
        }

        var alert = root.GetProperty("alerts")[0];
        foreach (var field in new[] { "status", "labels", "annotations", "startsAt", "endsAt", "generatorURL", "fingerprint" })
        {
            Assert.True(alert.TryGetProperty(field, out _), field);
        }
    }
}
