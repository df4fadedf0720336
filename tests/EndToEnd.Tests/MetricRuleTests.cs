using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AirisEpm.ServiceDefaults.Security;
using AirisEpm.TestSupport;

namespace AirisEpm.EndToEnd.Tests;

/// <summary>
/// A metric rule created through alert-service's API fires from real samples: the rule actor's
/// reminder (driven by the mesh's fake clock) queries metrics-service through service invocation
/// with a service token, and the alert appears in GET /api/v2/alerts.
/// </summary>
public sealed class MetricRuleTests(MetricRuleFixture fixture) : IClassFixture<MetricRuleFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_metric_rule_fires_from_ingested_samples()
    {
        using var alerts = fixture.Alerts.CreateClient().WithToken(Permissions.AlertsRead, Permissions.AlertsWrite);
        using var metrics = fixture.Metrics.CreateClient().WithToken(Permissions.MetricsWrite, Permissions.MetricsRead);
        var metric = "e2e_cpu_" + Guid.NewGuid().ToString("N")[..8];

        var created = await alerts.PostAsJsonAsync("/api/v1/rules", new
        {
            name = "E2eHighCpu",
            severity = "critical",
            labels = new { service = "checkout" },
            annotations = new { summary = "CPU {{ $value }} on {{ $labels.service }}" },
            evaluationInterval = "15s",
            condition = new { metric = new { metric, matchers = new[] { "service=\"checkout\"" }, agg = "max", window = "5m", op = ">", threshold = 0.9 } },
        }, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetString();

        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var ingested = await metrics.PostAsJsonAsync("/api/v1/metrics", new
        {
            metrics = new[]
            {
                new { name = metric, value = 0.5, timestamp = now - 60_000, labels = new Dictionary<string, string> { ["service"] = "checkout" } },
                new { name = metric, value = 0.97, timestamp = now - 1_000, labels = new Dictionary<string, string> { ["service"] = "checkout" } },
            },
        }, Ct);
        Assert.True(ingested.IsSuccessStatusCode, await ingested.Content.ReadAsStringAsync(Ct));

        // Each round moves the mesh clock one evaluation interval (the reminder fires) and polls the alert list.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while ((await FiringAsync(alerts)).GetArrayLength() == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "Timed out waiting for the rule's alert in /api/v2/alerts.");
            fixture.Environment.Clock.Advance(TimeSpan.FromSeconds(15));
            await Task.Delay(50, Ct);
        }

        var alert = Assert.Single((await FiringAsync(alerts)).EnumerateArray());
        Assert.Equal("CPU 0.97 on checkout", alert.GetProperty("annotations").GetProperty("summary").GetString());
        var state = await alerts.GetFromJsonAsync<JsonElement>($"/api/v1/rules/{id}/state", Ct);
        Assert.Equal(("firing", "ok", 0.97), (state.GetProperty("phase").GetString(), state.GetProperty("health").GetString(), state.GetProperty("lastValue").GetDouble()));
    }

    private static Task<JsonElement> FiringAsync(HttpClient alerts) =>
        alerts.GetFromJsonAsync<JsonElement>("/api/v2/alerts?filter=alertname%3D%22E2eHighCpu%22", Ct);
}
