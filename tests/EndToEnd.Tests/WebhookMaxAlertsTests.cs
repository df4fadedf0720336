extern alias alert;
using System.Text.Json;
using AirisEpm.DaprTestSidecar.Harness;
using AirisEpm.ServiceDefaults.Dapr;
using AirisEpm.ServiceDefaults.Security;

namespace AirisEpm.EndToEnd.Tests;

/// <summary>
/// A webhook's max_alerts through the real webhook binding of the test sidecar: the capped integration gets the first
/// alerts and truncatedAlerts counting the rest, as Alertmanager 0.25 sends; the uncapped one of the same receiver gets all.
/// </summary>
public sealed class WebhookMaxAlertsTests
{
    private const string Routing = """
        route:
          receiver: hooks
          group_by: [alertname]
          group_wait: 1s
          group_interval: 1h
        receivers:
          - name: hooks
            webhook_configs:
              - url: 'http://ignored/capped'
                max_alerts: 2
              - url: 'http://ignored/all'
        """;

    [Fact]
    public async Task The_capped_webhook_gets_the_first_max_alerts_and_the_count_of_the_rest()
    {
        await using var env = await DaprTestEnvironment.StartAsync();
        var app = await env.StartServiceAsync<alert::Program>(AppIds.AlertService, new Dictionary<string, string?> { ["Alerting:TickInterval"] = "00:00:00.050" });
        var alerts = app.Client(Permissions.AlertsRead, Permissions.AlertsWrite);
        var configured = await alerts.PutYamlAsync("/api/v1/alerting/config", Routing);
        Assert.True(configured.IsSuccessStatusCode, await configured.Content.ReadAsStringAsync(Http.Ct));

        await alerts.PostJsonAsync("/api/v2/alerts", new[] { "a", "b", "c", "d", "e" }
            .Select(instance => new { labels = new Dictionary<string, string> { ["alertname"] = "Down", ["instance"] = instance, ["team"] = instance == "a" ? "x" : "y" } }));

        var capped = await Eventually.ValueAsync(() => env.Receiver.To("/webhook/capped") is [var first, ..] ? first : null, TimeSpan.FromSeconds(20), what: "the capped webhook");
        var all = await Eventually.ValueAsync(() => env.Receiver.To("/webhook/all") is [var first, ..] ? first : null, TimeSpan.FromSeconds(20), what: "the uncapped webhook");
        using var cappedJson = JsonDocument.Parse(capped.Body);
        using var allJson = JsonDocument.Parse(all.Body);

        Assert.Equal(["a", "b"], Instances(cappedJson.RootElement));
        Assert.Equal(3, cappedJson.RootElement.GetProperty("truncatedAlerts").GetInt32());
        // The common labels are those of the two alerts sent: team differs between a and b, so it is not one of them.
        Assert.False(cappedJson.RootElement.GetProperty("commonLabels").TryGetProperty("team", out _));
        Assert.Equal(["a", "b", "c", "d", "e"], Instances(allJson.RootElement));
        Assert.Equal(0, allJson.RootElement.GetProperty("truncatedAlerts").GetInt32());
    }

    private static List<string> Instances(JsonElement payload) =>
        [.. payload.GetProperty("alerts").EnumerateArray().Select(a => a.GetProperty("labels").GetProperty("instance").GetString()!)];
}
