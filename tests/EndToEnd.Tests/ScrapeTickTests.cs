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

    /// <summary>
    /// The default targets name the AIRIS apps by app id: metrics-service scrapes them through its sidecar (service
    /// invocation), so job is the app id and instance the replica that answered (its service_instance_id).
    /// </summary>
    [Fact]
    public async Task The_apps_are_scraped_through_the_sidecar_by_app_id_with_job_and_instance_labels()
    {
        var metrics = platform.Metrics.Client(Permissions.MetricsRead);
        var exposition = await platform.Alerts.CreateClient().GetStringAsync("/metrics", Http.Ct);
        var replica = System.Text.RegularExpressions.Regex.Match(exposition, "service_instance_id=\"([^\"]+)\"").Groups[1].Value;
        Assert.NotEmpty(replica);

        var up = await Eventually.ValueAsync(() => Instant(metrics, "up{job=\"alert-service\"} == 1"), clock: platform.Environment.Clock,
            step: TimeSpan.FromSeconds(15), timeout: TimeSpan.FromSeconds(30), what: "alert-service scraped through the sidecar");

        Assert.Equal(replica, up["instance"]);
        var requests = await Eventually.ValueAsync(() => Instant(metrics, $"http_server_request_duration_seconds_count{{job=\"alert-service\", instance=\"{replica}\"}}"));
        Assert.Equal("alert-service", requests["job"]);
        // log-service does not run in this fixture: its sidecar target is down, under its app id.
        var down = await Eventually.ValueAsync(() => Instant(metrics, "up{job=\"log-service\"} == 0"));
        Assert.Equal("log-service", down["instance"]);
    }

    /// <summary>The labels of the first series an instant query answers now, or null while it answers none.</summary>
    private static Dictionary<string, string>? Instant(HttpClient metrics, string query)
    {
        using var response = metrics.GetAsync($"/api/v1/query?query={Uri.EscapeDataString(query)}", Http.Ct).GetAwaiter().GetResult();
        if (!response.IsSuccessStatusCode) return null;
        using var json = JsonDocument.Parse(response.Content.ReadAsStringAsync(Http.Ct).GetAwaiter().GetResult());
        var result = json.RootElement.GetProperty("data").GetProperty("result");
        return result.GetArrayLength() > 0
            ? result[0].GetProperty("metric").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!)
            : null;
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
