using AirisEpm.AlertService.Application;
using AirisEpm.AlertService.Domain.Configuration;
using AirisEpm.AlertService.Domain.Routing;
using AirisEpm.AlertService.Notifications;
using CsCheck;

namespace AirisEpm.AlertService.Tests.Notifications;

/// <summary>webhook_configs' max_alerts, as Alertmanager 0.25 applies it (notify/webhook: truncateAlerts before the template data).</summary>
public sealed class WebhookTruncationTests
{
    private static WebhookAlert Alert(string status, string service, string summary) => Payloads.Alert(status, service, summary) with
    {
        Fingerprint = $"{service}-{status}",
    };

    private static WebhookPayload FiveAlerts() => Payloads.Group(WebhookPayload.Firing,
        Alert("resolved", "api", "a"), Alert("resolved", "api", "b"), Alert("firing", "web", "c"), Alert("firing", "db", "d"), Alert("firing", "db", "e")) with
    {
        CommonLabels = new Dictionary<string, string> { ["alertname"] = "HighErrorRate", ["severity"] = "critical" },
    };

    [Fact]
    public void Keeps_the_first_max_alerts_and_counts_the_dropped_ones()
    {
        var truncated = WebhookTruncation.Apply(FiveAlerts(), 3);

        Assert.Equal(["a", "b", "c"], truncated.Alerts.Select(a => a.Annotations["summary"]));
        Assert.Equal(2, truncated.TruncatedAlerts);
        Assert.Equal(WebhookPayload.Firing, truncated.Status);
    }

    [Fact]
    public void Status_and_common_labels_and_annotations_describe_the_alerts_kept()
    {
        var truncated = WebhookTruncation.Apply(FiveAlerts(), 2);

        // Both kept alerts are resolved api alerts with different summaries; the dropped firing ones no longer count.
        Assert.Equal(WebhookPayload.Resolved, truncated.Status);
        Assert.Equal("api", truncated.CommonLabels["service"]);
        Assert.Equal(["alertname", "service", "severity"], truncated.CommonLabels.Keys.Order(StringComparer.Ordinal));
        Assert.Empty(truncated.CommonAnnotations);
        Assert.Equal(3, truncated.TruncatedAlerts);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    [InlineData(6)]
    public void Zero_or_a_limit_not_exceeded_leaves_the_payload_as_it_is(int maxAlerts)
    {
        var payload = FiveAlerts();

        Assert.Same(payload, WebhookTruncation.Apply(payload, maxAlerts));
        Assert.Equal(0, payload.TruncatedAlerts);
    }

    [Fact]
    public void Kept_plus_dropped_is_always_the_whole_list_and_the_kept_are_its_head()
    {
        Gen.Select(Gen.Int[0, 12], Gen.Int[0, 15], Gen.Bool.Array[12]).Sample((count, max, firing) =>
        {
            var alerts = Enumerable.Range(0, count).Select(i => Alert(firing[i] ? "firing" : "resolved", $"s{i % 3}", $"n{i}")).ToArray();
            var payload = Payloads.Group(alerts.Any(a => a.Status == "firing") ? WebhookPayload.Firing : WebhookPayload.Resolved, alerts);
            var truncated = WebhookTruncation.Apply(payload, max);
            var kept = max == 0 ? count : Math.Min(count, max);
            var status = kept == count ? payload.Status
                : alerts.Take(kept).Any(a => a.Status == "firing") ? WebhookPayload.Firing : WebhookPayload.Resolved;
            return truncated.Alerts.Count == kept
                && truncated.TruncatedAlerts == count - kept
                && truncated.Alerts.SequenceEqual(alerts.Take(kept))
                && truncated.Status == status;
        }, iter: 2_000);
    }

    [Fact]
    public void The_configured_max_alerts_reaches_the_webhook_target_and_a_negative_one_is_refused()
    {
        var config = AlertingConfigHolder.Parse("""
            route:
              receiver: hooks
            receivers:
              - name: hooks
                webhook_configs:
                  - url: http://hooks.example/a
                    max_alerts: 2
                  - url: http://hooks.example/b
            """);
        var targets = ConfigReceiverCatalog.ToTargets(config.Receivers["hooks"]).Cast<WebhookTarget>().ToList();
        Assert.Equal([2, 0], targets.Select(t => t.MaxAlerts));

        var refused = Assert.Throws<ConfigException>(() => AlertingConfigYaml.Load("""
            route:
              receiver: hooks
            receivers:
              - name: hooks
                webhook_configs:
                  - url: http://hooks.example/a
                    max_alerts: -1
            """));
        Assert.Contains(refused.Errors, e => e.Path == "receivers[0].webhook_configs[0].max_alerts");
    }
}
