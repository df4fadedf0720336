using System.Net;
using System.Text.Json;
using AirisEpm.DaprTestSidecar.Harness;
using AirisEpm.ServiceDefaults.Security;

namespace AirisEpm.EndToEnd.Tests;

/// <summary>
/// The scrape-tick cron input binding fires on the sidecar's clock; metrics-service scrapes its
/// own /metrics and records up and scrape_duration_seconds for the target, as Prometheus does.
/// </summary>
public sealed class ScrapeTickTests(PlatformFixture platform) : IClassFixture<PlatformFixture>
{
    [Fact]
    public async Task The_cron_binding_scrapes_the_service_itself()
    {
        var metrics = platform.Metrics.Client(Permissions.MetricsRead, Permissions.MetricsWrite);
        var target = await metrics.PostJsonAsync("/api/v1/scrape-targets", new
        {
            url = new Uri(platform.Metrics.BaseUrl, "metrics").ToString(),
            job = "airis-self",
            intervalSeconds = 15,
        });
        Assert.Equal(HttpStatusCode.Created, target.StatusCode);

        // Each 15 s of sidecar time the cron binding POSTs /scrape-tick on the app.
        await Eventually.TrueAsync(() => Up(metrics) == 1, clock: platform.Environment.Clock, step: TimeSpan.FromSeconds(15),
            timeout: TimeSpan.FromSeconds(30), what: "up{job=\"airis-self\"} == 1");

        var duration = await (await metrics.GetAsync("/api/v1/metrics/series?match[]=scrape_duration_seconds{job=\"airis-self\"}", Http.Ct)).JsonAsync();
        Assert.NotEqual(0, duration.GetProperty("data").GetArrayLength());
        var names = await (await metrics.GetAsync("/api/v1/metrics/names", Http.Ct)).JsonAsync();
        Assert.Contains(names.GetProperty("data").EnumerateArray(), n => n.GetString()!.StartsWith("http_server_request_duration_seconds", StringComparison.Ordinal));
    }

    /// <summary>The latest value of up for the target, or -1 while none is stored.</summary>
    private static double Up(HttpClient metrics)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var response = metrics.GetAsync($"/api/v1/metrics/query_range?name=up&match[]={{job=\"airis-self\"}}&start={now - 600}&end={now + 60}&step=60s&agg=last", Http.Ct).GetAwaiter().GetResult();
        if (!response.IsSuccessStatusCode)
        {
            return -1;
        }

        using var json = JsonDocument.Parse(response.Content.ReadAsStringAsync(Http.Ct).GetAwaiter().GetResult());
        var values = json.RootElement.GetProperty("series").EnumerateArray()
            .SelectMany(s => s.GetProperty("points").EnumerateArray())
            .Select(p => p.GetProperty("v"))
            .Where(v => v.ValueKind == JsonValueKind.Number)
            .Select(v => v.GetDouble())
            .ToList();
        return values.Count > 0 ? values[^1] : -1;
    }
}
