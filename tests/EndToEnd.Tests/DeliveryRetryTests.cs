extern alias alert;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AirisEpm.DaprTestSidecar.Harness;
using AirisEpm.ServiceDefaults.Dapr;
using AirisEpm.ServiceDefaults.Security;

namespace AirisEpm.EndToEnd.Tests;

/// <summary>
/// Each integration is delivered or retried on its own, through the real bindings of the test sidecar:
/// Slack answering 500 is retried until it recovers while the email that went out is not sent again,
/// a resolved notice whose webhook fails is retried until delivered, and escalation retries a failing
/// step before moving on and keeps its gaps across rounds (on the sidecar's fake clock).
/// </summary>
public sealed class DeliveryRetryTests
{
    private static readonly string[] ReadWrite = [Permissions.AlertsRead, Permissions.AlertsWrite];

    private const string Routing = """
        route:
          receiver: team
          group_by: [alertname]
          group_wait: 1s
          group_interval: 1h
          routes:
            - receiver: team
              matchers: ['severity="critical"']
              escalation_policy: critical
        receivers:
          - name: team
            email_configs:
              - to: team@airis.local
            slack_configs:
              - channel: '#alerts'
            webhook_configs:
              - url: 'http://ignored/hook'
                send_resolved: true
          - name: primary
            slack_configs:
              - channel: '#primary'
          - name: secondary
            email_configs:
              - to: secondary@airis.local
        """;

    private static async Task<(DaprTestEnvironment Env, HttpClient Alerts)> StartAsync()
    {
        var env = await DaprTestEnvironment.StartAsync();
        var app = await env.StartServiceAsync<alert::Program>(AppIds.AlertService, new Dictionary<string, string?>
        {
            ["Alerting:NotificationRetryInitial"] = "00:00:00.200",
            ["Alerting:NotificationRetryMax"] = "00:00:00.400",
            ["Alerting:TickInterval"] = "00:00:00.050",
        });
        var alerts = app.Client(ReadWrite);
        var configured = await alerts.PutYamlAsync("/api/v1/alerting/config", Routing);
        Assert.True(configured.IsSuccessStatusCode, await configured.Content.ReadAsStringAsync(Http.Ct));
        return (env, alerts);
    }

    [Fact]
    public async Task Slack_failing_is_retried_until_it_recovers_and_the_email_is_not_sent_again()
    {
        var (env, alerts) = await StartAsync();
        await using var _ = env;
        env.Receiver.StatusCode = 500;
        await alerts.PostJsonAsync("/api/v2/alerts", new[] { new { labels = new Dictionary<string, string> { ["alertname"] = "Errors" } } });

        await Eventually.TrueAsync(() => env.Receiver.To("/slack").Count >= 3, TimeSpan.FromSeconds(20), what: "Slack tried three times");
        env.Receiver.StatusCode = 200;
        var failedAttempts = env.Receiver.To("/slack").Count;
        await Eventually.TrueAsync(() => env.Receiver.To("/slack").Count > failedAttempts, TimeSpan.FromSeconds(20), what: "Slack retried after it recovered");
        await Task.Delay(TimeSpan.FromSeconds(1), Http.Ct); // a retry still pending would go out in this second
        var afterRecovery = env.Receiver.To("/slack").Count;
        await Task.Delay(TimeSpan.FromSeconds(1), Http.Ct);

        Assert.Equal(afterRecovery, env.Receiver.To("/slack").Count); // delivered: no more retries
        Assert.Single(env.Smtp.Messages, m => m.To.Mailboxes.Any(a => a.Address == "team@airis.local"));
        var log = await (await alerts.GetAsync("/api/v1/notifications?receiver=team", Http.Ct)).JsonAsync();
        var slack = log.EnumerateArray().Where(r => r.GetProperty("integration").GetString() == "slack[0]").ToList();
        Assert.Contains(slack, r => r.GetProperty("outcome").GetString() == "failed");
        Assert.Contains(slack, r => r.GetProperty("outcome").GetString() == "sent" && r.GetProperty("attempt").GetInt32() > 0);
    }

    [Fact]
    public async Task A_resolved_notice_whose_webhook_fails_is_retried_and_delivered()
    {
        var (env, alerts) = await StartAsync();
        await using var _ = env;
        // The resolved notice goes out at the group's next flush, 2 s after the first.
        var configured = await alerts.PutYamlAsync("/api/v1/alerting/config", Routing.Replace("group_interval: 1h", "group_interval: 2s"));
        Assert.True(configured.IsSuccessStatusCode, await configured.Content.ReadAsStringAsync(Http.Ct));
        var labels = new Dictionary<string, string> { ["alertname"] = "DiskFull" };
        await alerts.PostJsonAsync("/api/v2/alerts", new[] { new { labels } });
        await Eventually.TrueAsync(() => Webhooks(env, "firing") == 1, TimeSpan.FromSeconds(20), what: "the firing webhook");

        env.Receiver.StatusCode = 503;
        await alerts.PostJsonAsync("/api/v2/alerts", new[] { new { labels, endsAt = DateTimeOffset.UtcNow.AddSeconds(-1) } });
        // Dropping the resolved alert at that flush (as before) would lose the notice for good once it failed.
        await Eventually.TrueAsync(() => Webhooks(env, "resolved") >= 2, TimeSpan.FromSeconds(20), what: "the resolved webhook tried twice");
        env.Receiver.StatusCode = 200;
        var tried = Webhooks(env, "resolved");
        await Eventually.TrueAsync(() => Webhooks(env, "resolved") > tried, TimeSpan.FromSeconds(20), what: "the resolved notice delivered on a retry");

        // The receiver counts the call before alert-service has its answer and records the outcome.
        await Eventually.TrueAsync(() =>
        {
            var log = alerts.GetAsync("/api/v1/notifications?receiver=team", Http.Ct).GetAwaiter().GetResult().JsonAsync().GetAwaiter().GetResult();
            return log.EnumerateArray().Any(r => r.GetProperty("integration").GetString() == "webhook[0]"
                && r.GetProperty("status").GetString() == "resolved" && r.GetProperty("outcome").GetString() == "sent");
        }, TimeSpan.FromSeconds(10), what: "the delivered resolved notice in the notification log");
    }

    [Fact]
    public async Task A_failing_escalation_step_is_retried_before_the_ladder_moves_on_and_rounds_keep_their_gaps()
    {
        var (env, alerts) = await StartAsync();
        await using var _ = env;
        var policy = await alerts.PutAsJsonAsync("/api/v1/escalation-policies/critical", new
        {
            name = "critical",
            repeat = 1,
            steps = new object[]
            {
                new { after = "00:00:00", receivers = new[] { "primary" } },
                new { after = "00:10:00", receivers = new[] { "secondary" } },
            },
        }, Http.Ct);
        Assert.True(policy.IsSuccessStatusCode, await policy.Content.ReadAsStringAsync(Http.Ct));
        env.Receiver.StatusCode = 500;
        var start = env.Clock.GetUtcNow();
        await alerts.PostJsonAsync("/api/v2/alerts", new[] { new { labels = new Dictionary<string, string> { ["alertname"] = "CheckoutDown", ["severity"] = "critical" } } });

        // Step 1 (Slack) fails; its retries come 30 s, then 1 min, later on the sidecar's clock.
        await Eventually.TrueAsync(() => env.Receiver.To("/slack").Count >= 3, TimeSpan.FromSeconds(30), env.Clock, TimeSpan.FromSeconds(10), "step 1 retried twice");
        env.Receiver.StatusCode = 200;
        var attempts = env.Receiver.To("/slack").Count;
        await Eventually.TrueAsync(() => env.Receiver.To("/slack").Count > attempts, TimeSpan.FromSeconds(30), env.Clock, TimeSpan.FromSeconds(10), "step 1 delivered on a retry");
        var delivered = env.Receiver.To("/slack").Count;

        await Eventually.TrueAsync(() => Emails(env) == 1, TimeSpan.FromSeconds(30), env.Clock, TimeSpan.FromSeconds(20), "step 2 after 10 minutes");
        var step2 = env.Clock.GetUtcNow();
        Assert.True(step2 - start >= TimeSpan.FromMinutes(10), $"step 2 came {step2 - start} after the trigger");
        Assert.Equal(delivered, env.Receiver.To("/slack").Count); // round two has not started with step 2

        await Eventually.TrueAsync(() => env.Receiver.To("/slack").Count > delivered, TimeSpan.FromSeconds(30), env.Clock, TimeSpan.FromSeconds(20), "round 2, step 1");
        Assert.True(env.Clock.GetUtcNow() - step2 >= TimeSpan.FromMinutes(9.5), $"round 2 began {env.Clock.GetUtcNow() - step2} after round 1's last step");
        var incidents = JsonDocument.Parse(await alerts.GetStringAsync("/api/v1/incidents", Http.Ct)).RootElement;
        var incident = await (await alerts.GetAsync($"/api/v1/incidents/{incidents[0].GetProperty("id").GetString()}", Http.Ct)).JsonAsync();
        Assert.Contains(incident.GetProperty("timeline").EnumerateArray(), t => t.GetProperty("kind").GetString() == "retry-delivered");
    }

    private static int Webhooks(DaprTestEnvironment env, string status) =>
        env.Receiver.Requests.Count(r => r.Path.StartsWith("/webhook", StringComparison.Ordinal) && r.Body.Contains($"\"status\":\"{status}\"", StringComparison.Ordinal));

    private static int Emails(DaprTestEnvironment env) =>
        env.Smtp.Messages.Count(m => m.To.Mailboxes.Any(a => a.Address == "secondary@airis.local"));
}
