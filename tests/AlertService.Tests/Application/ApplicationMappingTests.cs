using AirisEpm.AlertService.Application;
using AirisEpm.AlertService.Domain.Alerts;
using AirisEpm.AlertService.Domain.Dispatch;
using AirisEpm.PromQl.Model;
using AirisEpm.AlertService.Notifications;
using AirisEpm.ServiceDefaults.Events.Contracts;

namespace AirisEpm.AlertService.Tests.Application;

public sealed class ApplicationMappingTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 6, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Webhook_payload_has_common_labels_and_zero_end_for_timeout_firing_alerts()
    {
        var a = new Alert(LabelSet.From(("alertname", "E"), ("service", "api"), ("pod", "1")), LabelSet.From(("summary", "s")), Now, Now.AddMinutes(5), Now, Timeout: true);
        var b = new Alert(LabelSet.From(("alertname", "E"), ("service", "api"), ("pod", "2")), LabelSet.From(("summary", "s")), Now, Now.AddMinutes(-1), Now);
        var due = new NotificationDue("oncall", "k", "{}", LabelSet.From(("service", "api")), [a], [b], null, Now);

        var payload = WebhookPayloads.From(due, new Uri("http://airis.local/"));

        Assert.Equal("firing", payload.Status);
        Assert.Equal("http://airis.local", payload.ExternalUrl);
        Assert.Equal(new Dictionary<string, string> { ["alertname"] = "E", ["service"] = "api" }, payload.CommonLabels);
        Assert.Equal("s", payload.CommonAnnotations["summary"]);
        Assert.Equal(["firing", "resolved"], payload.Alerts.Select(x => x.Status));
        Assert.Equal(default, payload.Alerts[0].EndsAt);
        Assert.Equal(Now.AddMinutes(-1), payload.Alerts[1].EndsAt);
        Assert.Equal(a.Fingerprint.ToString(), payload.Alerts[0].Fingerprint);
    }

    [Fact]
    public void Threshold_events_map_to_firing_and_resolved_versions_of_one_alert()
    {
        var firing = new ThresholdCrossed("cpu-high", "cpu", new Dictionary<string, string> { ["service"] = "api", ["severity"] = "critical" }, 0.97, 0.9, ThresholdCrossed.Firing, Now);
        var resolved = firing with { State = ThresholdCrossed.Resolved, At = Now.AddMinutes(10) };

        var up = EventAlerts.From(firing, TimeSpan.FromDays(30))!;
        var down = EventAlerts.From(resolved, TimeSpan.FromDays(30))!;

        Assert.Equal(up.Labels, down.Labels);
        Assert.Equal("cpu-high", up.Labels["alertname"]);
        Assert.Equal("critical", up.Labels["severity"]);
        Assert.Equal((Now, Now.AddDays(30)), (up.StartsAt, up.EndsAt));
        Assert.Equal(Now.AddMinutes(10), down.EndsAt);
        Assert.Null(EventAlerts.From(firing with { State = "maybe" }, TimeSpan.FromDays(1)));
        Assert.Null(EventAlerts.From(firing with { SeriesLabels = new Dictionary<string, string> { ["bad-name"] = "x" } }, TimeSpan.FromDays(1)));
    }

    [Fact]
    public void Default_config_file_maps_receivers_to_channels()
    {
        var config = AlertingConfigHolder.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "alerting.yml")));
        var critical = ConfigReceiverCatalog.ToTargets(config.Receivers["oncall-critical"]);

        Assert.Equal(["email", "slack", "sms"], critical.Select(t => t.Channel));
        Assert.Equal("+15005550006", Assert.IsType<SmsTarget>(critical[2]).ToNumber);
        Assert.True(config.Routes.Match(LabelSet.From(("severity", "critical"))).Single().EscalationPolicy == "critical");
        Assert.Single(config.InhibitRules);
    }

    [Fact]
    public void Webhook_url_contributes_only_its_path_and_custom_templates_render()
    {
        var config = AlertingConfigHolder.Parse("""
            route:
              receiver: r
            receivers:
              - name: r
                webhook_configs:
                  - url: http://elsewhere.example/hooks/alerts?team=a
                email_configs:
                  - to: a@b.c
                    headers:
                      Subject: 'Service {{ $labels.service }} is down'
            """);
        var targets = ConfigReceiverCatalog.ToTargets(config.Receivers["r"]);
        var payload = WebhookPayloads.From(new NotificationDue("r", "k", "{}", LabelSet.Empty,
            [new Alert(LabelSet.From(("alertname", "Down"), ("service", "api")), LabelSet.Empty, Now, Now.AddMinutes(5), Now)], [], null, Now), new Uri("http://x"));

        var email = CustomText.Apply(EmailMessage.From(payload), targets.OfType<EmailTarget>().Single(), payload);

        Assert.Equal("hooks/alerts?team=a", targets.OfType<WebhookTarget>().Single().Path);
        Assert.Equal("Service api is down", email.Subject);
    }
}
