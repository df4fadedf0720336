using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using AirisEpm.DaprTestSidecar.Harness;
using AirisEpm.ServiceDefaults.Dapr;
using AirisEpm.ServiceDefaults.Security;
using AirisEpm.TestSupport;
using AirisEpm.WebConsole.Dashboards;
using AirisEpm.WebConsole.Dashboards.SelfMonitoring;

namespace AirisEpm.Console.Tests.Dashboards.SelfMonitoring;

/// <summary>
/// Every query of the seeded AIRIS EPM dashboard, as the page would send it (variables and time macros filled in), run
/// by metrics-service's PromQL engine over what it scraped from the five real apps: each answers at least one series.
/// It checks the names, labels and PromQL of the panels, not per-service values (see <see cref="SelfMonitoringCollection"/>).
/// </summary>
[Collection(nameof(SelfMonitoringCollection))]
public sealed class SeededPanelsEvaluationTests(FivePlatformFixture platform) : IClassFixture<FivePlatformFixture>
{
    private static readonly TimeSpan Step = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan Range = TimeSpan.FromMinutes(5);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_seeded_panel_query_answers_series_from_the_apps_own_metrics()
    {
        var stored = await Eventually.ValueAsync(() => Get<Dashboard>(platform.Console, $"{DashboardsApi.Path}/{SelfMonitoringDashboard.Id}", Permissions.MetricsRead),
            what: "the seeded dashboard in the console's state store");
        await SendTrafficAsync();
        var metrics = platform.Metrics.CreateClient().WithToken(Permissions.MetricsRead);
        var queries = stored.Panels.SelectMany(p => p.Queries.Select(q => (Panel: p.Title, q.RefId, q.Expr))).ToList();

        var empty = queries.Select(q => q.Panel + " " + q.RefId).ToList();
        var jobs = Array.Empty<string>();
        for (var tick = 0; empty.Count > 0 && tick < 40; tick++)
        {
            platform.Environment.Clock.Advance(TimeSpan.FromSeconds(15)); // a scrape-tick: every app scraped through the sidecar
            await Task.Delay(TimeSpan.FromMilliseconds(750), Ct);
            jobs = await JobsAsync(metrics);
            var answered = new List<string>();
            foreach (var (panel, refId, expr) in queries.Where(q => empty.Contains(q.Panel + " " + q.RefId)))
            {
                if (await SeriesAsync(metrics, Interpolate(expr, jobs)) > 0) answered.Add(panel + " " + refId);
            }

            empty.RemoveAll(answered.Contains);
        }

        Assert.Equal([AppIds.AlertService, AppIds.Console, AppIds.LogService, AppIds.MetricsService, AppIds.TraceService], jobs);
        if (empty.Count > 0)
        {
            var requests = await metrics.GetStringAsync("/api/v1/query?query=" + Uri.EscapeDataString("count by (job) (count_over_time(http_server_request_duration_seconds_count[5m]))"), Ct);
            Assert.Fail($"queries without series: {string.Join("; ", empty)}\nrequest samples per job in the last 5 min: {requests}");
        }

        Assert.Equal(0, await SeriesAsync(metrics, "sum(rate(airis_no_such_metric_total[1m]))")); // the check can fail
    }

    /// <summary>Something for each panel to count: one batch per signal, API calls (and refusals) on every app.</summary>
    private async Task SendTrafficAsync()
    {
        var logs = platform.Logs.CreateClient().WithToken(Permissions.LogsWrite);
        var records = string.Join('\n', Enumerable.Range(0, 3).Select(i => JsonSerializer.Serialize(new { message = $"order {i} paid", level = "info", service = "shop" })));
        await AcceptedAsync(() => logs.PostAsync("/api/v1/logs", new StringContent(records, Encoding.UTF8, "application/x-ndjson"), Ct), "the log records");

        var traces = platform.Traces.CreateClient().WithToken(Permissions.TracesWrite);
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 1_000_000;
        var spans = JsonSerializer.Serialize(new
        {
            resourceSpans = new[]
            {
                new
                {
                    resource = new { attributes = new[] { new { key = "service.name", value = new { stringValue = "shop" } } } },
                    scopeSpans = new[] { new { scope = new { name = "test" }, spans = new[] { new
                    {
                        traceId = "0af7651916cd43dd8448eb211c80319c", spanId = "b7ad6b7169203331", name = "GET /cart", kind = 2,
                        startTimeUnixNano = now.ToString(CultureInfo.InvariantCulture), endTimeUnixNano = (now + 2_000_000).ToString(CultureInfo.InvariantCulture),
                    } } } },
                },
            },
        });
        await AcceptedAsync(() => traces.PostAsync("/v1/traces", new StringContent(spans, Encoding.UTF8, "application/json"), Ct), "the spans");

        foreach (var app in platform.Apps)
        {
            // Any answer is a request to count: 200, or 503 while an app's checks still warm up; 401 without a token.
            using var client = app.CreateClient().WithToken(Permissions.Admin);
            (await client.GetAsync("/health", Ct)).Dispose();
            using var anonymous = app.CreateClient();
            (await anonymous.GetAsync("/health", Ct)).Dispose();
        }

        await AcceptedAsync(() => platform.Console.CreateClient().WithToken(Permissions.MetricsRead).GetAsync(DashboardsApi.Path, Ct), "the dashboard list");
    }

    /// <summary>Sends until the app accepts (an ingest answers 503 while its store is still opening).</summary>
    private static Task AcceptedAsync(Func<Task<HttpResponseMessage>> send, string what) =>
        Eventually.TrueAsync(() =>
        {
            using var response = send().GetAwaiter().GetResult();
            return response.IsSuccessStatusCode;
        }, timeout: TimeSpan.FromSeconds(60), what: what + " accepted");

    /// <summary>The job variable's values, as the page reads them for label_values(up, job).</summary>
    private static async Task<string[]> JobsAsync(HttpClient metrics)
    {
        using var json = JsonDocument.Parse(await metrics.GetStringAsync("/api/v1/label/job/values?match[]=up", Ct));
        return [.. json.RootElement.GetProperty("data").EnumerateArray().Select(v => v.GetString()!).Order(StringComparer.Ordinal)];
    }

    /// <summary>What the page sends: $job as all its values (All selected, a|b for =~), then the time macros for a 5 min range at 15 s.</summary>
    private static string Interpolate(string expr, string[] jobs) =>
        TimeMacros.Interpolate(expr.Replace("$job", string.Join("|", jobs), StringComparison.Ordinal), Step, Range);

    private static async Task<int> SeriesAsync(HttpClient metrics, string query)
    {
        var end = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var url = $"/api/v1/query_range?query={Uri.EscapeDataString(query)}&start={end - (long)Range.TotalSeconds}&end={end}&step={(int)Step.TotalSeconds}";
        using var response = await metrics.GetAsync(url, Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.IsSuccessStatusCode, $"{query}: {(int)response.StatusCode} {text}");
        using var json = JsonDocument.Parse(text);
        return json.RootElement.GetProperty("data").GetProperty("result").EnumerateArray().Count(s => s.GetProperty("values").GetArrayLength() > 0);
    }

    private static T? Get<T>(RunningApp app, string path, string permission)
        where T : class
    {
        using var client = app.CreateClient().WithToken(permission);
        using var response = client.GetAsync(path, Ct).GetAwaiter().GetResult();
        return response.IsSuccessStatusCode ? response.Content.ReadFromJsonAsync<T>(Ct).GetAwaiter().GetResult() : null;
    }
}
