using System.Net;
using AirisEpm.DaprTestSidecar.Harness;
using AirisEpm.DaprTestSidecar.PubSub;
using AirisEpm.ServiceDefaults.Dapr;
using AirisEpm.ServiceDefaults.Events;
using AirisEpm.ServiceDefaults.Events.Contracts;
using AirisEpm.ServiceDefaults.Security;

namespace AirisEpm.EndToEnd.Tests;

/// <summary>
/// A rule created through alert-service's API travels to metrics-service on alerts.rules-changed; samples
/// breach it; metrics-service publishes metrics.threshold-crossed once; alert-service turns it
/// into the rule's alert (its name, labels and annotation), groups it and pages the on-call
/// receiver by email and Slack, once.
/// </summary>
public sealed class ThresholdToPageTests(PlatformFixture platform) : IClassFixture<PlatformFixture>
{
    private const string Routing = """
        route:
          receiver: oncall
          group_by: [alertname, service]
          group_wait: 1s
          group_interval: 1m
          repeat_interval: 4h
        receivers:
          - name: oncall
            email_configs:
              - to: oncall@airis.local
            slack_configs:
              - channel: '#alerts'
        """;

    private DaprTestEnvironment Env => platform.Environment;

    [Fact]
    public async Task A_breaching_series_pages_oncall_once_by_email_and_slack()
    {
        var alerts = platform.Alerts.Client(Permissions.AlertsRead, Permissions.AlertsWrite);
        var configured = await alerts.PutYamlAsync("/api/v1/alerting/config", Routing);
        Assert.True(configured.IsSuccessStatusCode, await configured.Content.ReadAsStringAsync(Http.Ct));

        // A rule checked on ingest: created through the rules API, published on alerts.rules-changed.
        var created = await alerts.PostJsonAsync("/api/v1/rules", new
        {
            name = "HighErrorCount",
            severity = "warning",
            labels = new Dictionary<string, string> { ["team"] = "shop" },
            annotations = new Dictionary<string, string> { ["summary"] = "{{ $labels.service }} has {{ $value }} errors" },
            condition = new { metric = new { metric = "http_errors", matchers = new[] { "service=\"checkout\"" }, agg = "last", window = "1m", op = ">", threshold = 5 } },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var ruleId = (await created.JsonAsync()).GetProperty("id").GetString()!;

        var metrics = platform.Metrics.Client(Permissions.MetricsRead, Permissions.MetricsWrite);
        await Eventually.TrueAsync(() => metrics.ThresholdRuleIds().Contains(ruleId), what: "metrics-service to receive the rule");

        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var ingest = await metrics.PostJsonAsync("/api/v1/metrics", new
        {
            metrics = new object[]
            {
                new { name = "http_errors", value = 2.0, timestamp = now - 3000, labels = new Dictionary<string, string> { ["service"] = "checkout" } },
                new { name = "http_errors", value = 9.0, timestamp = now - 2000, labels = new Dictionary<string, string> { ["service"] = "checkout" } },
                new { name = "http_errors", value = 14.0, timestamp = now - 1000, labels = new Dictionary<string, string> { ["service"] = "checkout" } },
            },
        });
        Assert.Equal(HttpStatusCode.OK, ingest.StatusCode);

        var crossing = await Eventually.ValueAsync(
            () => Env.Mesh.PubSub.Deliveries.SingleOrDefault(d => d.Message.Topic == Topics.MetricsThresholdCrossed && d.Outcome == DeliveryOutcome.Acknowledged),
            what: "metrics.threshold-crossed acknowledged by alert-service");
        Assert.Equal(AppIds.AlertService, crossing.AppId);
        Assert.Equal(AppIds.MetricsService, crossing.Message.PublisherAppId);

        var mail = await Eventually.ValueAsync(() => First(Env.Smtp.Messages), TimeSpan.FromSeconds(20), what: "the page by email");
        Assert.Equal("oncall@airis.local", mail.To.Mailboxes.Single().Address);
        Assert.Contains("[FIRING:1] HighErrorCount", mail.Subject);
        Assert.Contains("checkout has 9 errors", mail.HtmlBody); // the first breaching sample, 9, crossed

        var slack = await Eventually.ValueAsync(() => First(Env.Receiver.To("/slack")), what: "the Slack message");
        Assert.Contains("#daa038", slack.Body, StringComparison.OrdinalIgnoreCase); // threshold alerts default to severity warning
        Assert.Contains("HighErrorCount", slack.Body);

        // Delivery is at least once: the same CloudEvent again must not page again.
        var redelivery = await Env.Mesh.PubSub.RedeliverAsync(crossing.Message.Id, AppIds.AlertService, Http.Ct);
        Assert.Equal(DeliveryOutcome.Acknowledged, redelivery.Outcome);
        var more = await metrics.PostJsonAsync("/api/v1/metrics", new
        {
            metrics = new object[] { new { name = "http_errors", value = 20.0, timestamp = now, labels = new Dictionary<string, string> { ["service"] = "checkout" } } },
        });
        Assert.Equal(HttpStatusCode.OK, more.StatusCode);

        var firing = await (await alerts.GetAsync("/api/v2/alerts?filter=alertname%3D%22HighErrorCount%22", Http.Ct)).JsonAsync();
        Assert.Equal(1, firing.GetArrayLength());
        Assert.Single(Env.Mesh.PubSub.Published, m => m.Topic == Topics.MetricsThresholdCrossed);
        Assert.Single(Env.Smtp.Messages);
    }

    private static T? First<T>(IReadOnlyList<T> items)
        where T : class => items.Count > 0 ? items[0] : null;
}
