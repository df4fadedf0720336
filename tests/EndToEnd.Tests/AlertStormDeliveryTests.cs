extern alias alert;
using System.Net.Http.Json;
using AirisEpm.DaprTestSidecar.Harness;
using AirisEpm.ServiceDefaults.Dapr;
using AirisEpm.ServiceDefaults.Security;

namespace AirisEpm.EndToEnd.Tests;

/// <summary>
/// Many groups falling due at once (an alert storm) against a slow receiver, through the test sidecar's real webhook
/// binding: they are notified together, not one after another, and every notification is in the shared log.
/// </summary>
public sealed class AlertStormDeliveryTests
{
    private const int Groups = 32;
    private static readonly TimeSpan ReceiverLatency = TimeSpan.FromMilliseconds(300);

    private const string Routing = """
        route:
          receiver: hook
          group_by: [alertname]
          group_wait: 1s
          group_interval: 1h
        receivers:
          - name: hook
            webhook_configs:
              - url: 'http://ignored/hook'
        """;

    [Fact]
    public async Task Groups_due_together_are_sent_together_and_all_logged()
    {
        await using var env = await DaprTestEnvironment.StartAsync();
        var app = await env.StartServiceAsync<alert::Program>(AppIds.AlertService,
            new Dictionary<string, string?> { ["Alerting:TickInterval"] = "00:00:00.050" });
        var alerts = app.Client([Permissions.AlertsRead, Permissions.AlertsWrite]);
        var configured = await alerts.PutYamlAsync("/api/v1/alerting/config", Routing);
        Assert.True(configured.IsSuccessStatusCode, await configured.Content.ReadAsStringAsync(Http.Ct));
        env.Receiver.Latency = ReceiverLatency;

        var storm = Enumerable.Range(0, Groups).Select(i => new { labels = new Dictionary<string, string> { ["alertname"] = $"Storm{i}" } }).ToArray();
        (await alerts.PostAsJsonAsync("/api/v2/alerts", storm, Http.Ct)).EnsureSuccessStatusCode();
        var posted = DateTimeOffset.UtcNow;

        await Eventually.TrueAsync(() => Hooks(env) == Groups, TimeSpan.FromSeconds(30), what: $"{Groups} webhooks");
        var took = DateTimeOffset.UtcNow - posted;

        // One after another they would take Groups × latency (9.6 s) after the 1 s group_wait.
        Assert.True(took < TimeSpan.FromSeconds(1) + ReceiverLatency * Groups / 2, $"{Groups} groups notified {took.TotalSeconds:F1} s after posting");
        var sent = 0;
        for (var poll = 0; poll < 100 && sent < Groups; poll++)
        {
            if (poll > 0) await Task.Delay(100, Http.Ct);
            var log = await (await alerts.GetAsync("/api/v1/notifications?receiver=hook&limit=100", Http.Ct)).JsonAsync();
            sent = log.EnumerateArray().Count(r => r.GetProperty("outcome").GetString() == "sent");
        }

        Assert.Equal(Groups, sent);
    }

    private static int Hooks(DaprTestEnvironment env) => env.Receiver.Requests.Count(r => r.Path.StartsWith("/webhook", StringComparison.Ordinal));
}
