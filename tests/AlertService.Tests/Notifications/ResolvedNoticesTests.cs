using AirisEpm.AlertService.Notifications;
using CsCheck;

namespace AirisEpm.AlertService.Tests.Notifications;

/// <summary>
/// send_resolved: false as Alertmanager 0.25 applies it (notify.go, RetryStage.exec): resolved alerts leave the
/// notification before the integration, so before a webhook's max_alerts truncates and counts.
/// </summary>
public sealed class ResolvedNoticesTests
{
    private static WebhookAlert Alert(string status, string service, string summary) => Payloads.Alert(status, service, summary) with
    {
        Fingerprint = $"{service}-{summary}",
    };

    /// <summary>Two resolved api alerts ahead of three firing ones, in the order the payload sends them.</summary>
    private static WebhookPayload Mixed() => Payloads.Group(WebhookPayload.Firing,
        Alert("resolved", "api", "a"), Alert("resolved", "api", "b"), Alert("firing", "web", "c"), Alert("firing", "db", "d"), Alert("firing", "db", "e"));

    [Fact]
    public void Without_send_resolved_only_the_firing_alerts_are_sent_and_the_payload_describes_them()
    {
        var sent = ResolvedNotices.For(Mixed(), sendResolved: false)!;

        Assert.Equal(["c", "d", "e"], sent.Alerts.Select(a => a.Annotations["summary"]));
        Assert.Equal(WebhookPayload.Firing, sent.Status);
        Assert.Equal(0, sent.TruncatedAlerts);
        Assert.False(sent.CommonLabels.ContainsKey("service"));
        Assert.Empty(sent.CommonAnnotations);
    }

    [Fact]
    public void Max_alerts_truncates_and_counts_what_is_left_after_the_resolved_alerts_left()
    {
        var sent = WebhookTruncation.Apply(ResolvedNotices.For(Mixed(), sendResolved: false)!, 2);

        // Truncating first would keep the two resolved alerts, count 3 and drop every firing one.
        Assert.Equal(["c", "d"], sent.Alerts.Select(a => a.Annotations["summary"]));
        Assert.Equal(1, sent.TruncatedAlerts);
        Assert.Equal(WebhookPayload.Firing, sent.Status);
    }

    [Fact]
    public void A_notification_of_resolved_alerts_only_is_not_sent_and_one_of_firing_only_is_sent_as_it_is()
    {
        var resolved = Payloads.Group(WebhookPayload.Resolved, Alert("resolved", "api", "a"));
        var firing = Payloads.Group(WebhookPayload.Firing, Alert("firing", "api", "a"), Alert("firing", "web", "b"));

        Assert.Null(ResolvedNotices.For(resolved, sendResolved: false));
        Assert.Same(firing, ResolvedNotices.For(firing, sendResolved: false));
        Assert.Same(resolved, ResolvedNotices.For(resolved, sendResolved: true));
    }

    [Fact]
    public void Sends_exactly_the_firing_alerts_in_their_order_or_nothing()
    {
        Gen.Bool.Array[0, 10].Sample(firing =>
        {
            var alerts = firing.Select((f, i) => Alert(f ? "firing" : "resolved", $"s{i % 3}", $"n{i}")).ToArray();
            var payload = Payloads.Group(firing.Any(f => f) ? WebhookPayload.Firing : WebhookPayload.Resolved, alerts);
            var sent = ResolvedNotices.For(payload, sendResolved: false);
            var expected = alerts.Where(a => a.Status == WebhookPayload.Firing).ToList();
            return expected.Count == 0 ? sent is null
                : sent is not null && sent.Alerts.SequenceEqual(expected) && sent.Status == WebhookPayload.Firing
                    && sent.CommonLabels.All(p => expected.All(a => a.Labels[p.Key] == p.Value));
        }, iter: 2_000);
    }
}
