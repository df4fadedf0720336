using AirisEpm.GoTemplates;
using AirisEpm.AlertService.Notifications;
using CsCheck;

namespace AirisEpm.AlertService.Tests.Notifications;

/// <summary>Receivers' custom text on the one Go template engine, with Alertmanager 0.25's notification data and functions.</summary>
public sealed class NotificationTemplateTests
{
    private static readonly WebhookPayload Payload = Payloads.Group(WebhookPayload.Firing,
        Payloads.Alert("firing", "api", "api fails") with { StartsAt = new DateTimeOffset(2026, 11, 26, 5, 0, 0, TimeSpan.Zero) },
        Payloads.Alert("resolved", "web", "web fails")) with
    {
        CommonAnnotations = new Dictionary<string, string> { ["runbook"] = "https://runbooks/x" },
    };

    [Theory]
    [InlineData("[{{ .Status | toUpper }}] {{ .CommonLabels.alertname }} for {{ .Receiver }}", "[FIRING] HighErrorRate for oncall")]
    [InlineData("{{ range .Alerts }}{{ .Labels.service }}:{{ .Status }} {{ end }}", "api:firing web:resolved ")]
    [InlineData("{{ len .Alerts }} alerts, group {{ .GroupLabels.service }}, {{ .ExternalURL }}", "2 alerts, group api, http://localhost:8004")]
    [InlineData("{{ (index .Alerts 0).StartsAt }}", "2026-11-26 05:00:00 +0000 UTC")]
    [InlineData("{{ join \", \" (stringSlice \"a\" \"b\") }}", "a, b")]
    [InlineData("{{ if match \"^High\" .CommonLabels.alertname }}high{{ else }}low{{ end }}", "high")]
    [InlineData("{{ reReplaceAll \"Error\" \"Fault\" .CommonLabels.alertname }}", "HighFaultRate")]
    [InlineData("{{ $labels.severity }} / {{ .Labels.alertname }} / {{ $annotations.runbook }} / {{ .Annotations.runbook }}", "critical / HighErrorRate / https://runbooks/x / https://runbooks/x")]
    [InlineData("{{ 1234567.0 | humanize }} {{ 0.256 | humanizePercentage }} [{{ trimSpace \"  x \" }}] {{ \"checkout api\" | title }}", "1.235M 25.6% [x] Checkout Api")]
    [InlineData("[{{ .CommonLabels.missing }}]", "[]")]
    public void Renders_alertmanagers_notification_data(string template, string expected)
    {
        Assert.Equal(expected, NotificationTemplate.Parse(template).Render(Payload));
    }

    [Theory]
    [InlineData("{{ .CommonLabels.x", "unclosed action")]
    [InlineData("{{ shout .Status }}", "function \"shout\" not defined")]
    [InlineData("{{ if .Status }}x", "unexpected EOF")]
    public void A_template_that_does_not_parse_says_why_as_go_does(string template, string reason)
    {
        var error = Assert.Throws<GoTemplateException>(() => NotificationTemplate.Parse(template));
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.StartsWith("template: notification:1:", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{{ template \"slack.default.title\" . }}", "no such template \"slack.default.title\"")]
    [InlineData("{{ .Alerts.Firing }}", "Firing")]
    [InlineData("{{ humanize .Status }}", "")]
    public void What_alert_service_cannot_run_fails_at_render(string template, string reason)
    {
        var parsed = NotificationTemplate.Parse(template);
        var error = Assert.Throws<GoTemplateException>(() => parsed.Render(Payload));
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Random_and_mutated_templates_parse_or_fail_with_a_template_error_and_render_or_fail_likewise()
    {
        var pieces = Gen.OneOf(Gen.Const("{{"), Gen.Const("}}"), Gen.Const("{{-"), Gen.Const(" -}}"), Gen.Const(".Alerts"), Gen.Const(".CommonLabels.x"),
            Gen.Const("range"), Gen.Const("end"), Gen.Const("if"), Gen.Const("else"), Gen.Const("|"), Gen.Const("join"), Gen.Const("\""), Gen.Const("$labels"),
            Gen.Const("("), Gen.Const(")"), Gen.Const(" "), Gen.Const("template"), Gen.Const("define"), Gen.String[0, 4]);
        pieces.Array[0, 14].Select(p => string.Concat(p)).Sample(text =>
        {
            NotificationTemplate parsed;
            try
            {
                parsed = NotificationTemplate.Parse(text);
            }
            catch (GoTemplateException)
            {
                return;
            }

            try
            {
                Assert.NotNull(parsed.Render(Payload));
            }
            catch (GoTemplateException)
            {
                // A template that runs into what the data lacks fails as one; the caller sends its built-in text.
            }
        }, iter: 3_000);
    }
}
