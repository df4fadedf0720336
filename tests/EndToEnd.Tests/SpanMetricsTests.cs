extern alias metrics;
extern alias traces;
using System.Text;
using System.Text.Json;
using AirisEpm.DaprTestSidecar.Harness;
using AirisEpm.ServiceDefaults.Dapr;
using AirisEpm.ServiceDefaults.Security;

namespace AirisEpm.EndToEnd.Tests;

/// <summary>
/// Span metrics through the sidecar double: spans posted to trace-service become
/// <c>traces_span_metrics_calls_total</c> in metrics-service, written by trace-service through Dapr service invocation with a
/// token it signed itself. The publisher runs on the app's own clock, so the flush interval is set to 2 s here and the test
/// waits for it (the mesh's fake clock drives sidecar schedules, not the apps' timers).
/// </summary>
public sealed class SpanMetricsTests : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("airis-e2e-spanmetrics-").FullName;
    private DaprTestEnvironment _environment = null!;
    private RunningApp _metrics = null!;
    private RunningApp _traces = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _environment = await DaprTestEnvironment.StartAsync();
        _metrics = await _environment.StartServiceAsync<metrics::Program>(AppIds.MetricsService, new Dictionary<string, string?>
        {
            ["Metrics:Store:DuckDbPath"] = Path.Combine(_folder, "metrics.duckdb"),
        });
        _traces = await _environment.StartServiceAsync<traces::Program>(AppIds.TraceService, new Dictionary<string, string?>
        {
            ["Traces:Store:DataDirectory"] = Path.Combine(_folder, "traces"),
            ["Traces:SpanMetrics:FlushInterval"] = "00:00:02",
            ["Traces:SpanMetrics:WriteTimeout"] = "00:00:01",
            ["Traces:SpanMetrics:Instance"] = "e2e",
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _environment.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Spans_posted_to_trace_service_become_span_metrics_in_metrics_service()
    {
        using var traces = _traces.Client(Permissions.TracesWrite);
        var posted = await traces.PostAsync("/v1/traces", new StringContent(OtlpJson("e2e-checkout", "GET /cart", spans: 3), Encoding.UTF8, "application/json"), Ct);
        Assert.True(posted.IsSuccessStatusCode, await posted.Content.ReadAsStringAsync(Ct));

        using var metrics = _metrics.Client(Permissions.MetricsRead);
        const string Selector = "traces_span_metrics_calls_total{service_name=\"e2e-checkout\"}";
        var series = await Eventually.ValueAsync(
            () =>
            {
                using var response = metrics.GetAsync("/api/v1/metrics/series?match[]=" + Uri.EscapeDataString(Selector), Ct).GetAwaiter().GetResult();
                if (!response.IsSuccessStatusCode) return null;
                using var json = JsonDocument.Parse(response.Content.ReadAsStringAsync(Ct).GetAwaiter().GetResult());
                var data = json.RootElement.GetProperty("data");
                return data.GetArrayLength() == 0 ? null : data[0].GetRawText();
            },
            timeout: TimeSpan.FromSeconds(30), what: Selector);

        using var found = JsonDocument.Parse(series);
        var labels = found.RootElement;
        Assert.Equal(("GET /cart", "SPAN_KIND_SERVER", "e2e"),
            (labels.GetProperty("span_name").GetString(), labels.GetProperty("span_kind").GetString(), labels.GetProperty("instance").GetString()));
    }

    private static string OtlpJson(string service, string name, int spans)
    {
        var start = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 1_000_000;
        var items = Enumerable.Range(1, spans).Select(i => new
        {
            traceId = Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()),
            spanId = i.ToString("x16", System.Globalization.CultureInfo.InvariantCulture),
            name,
            kind = 2,
            startTimeUnixNano = start.ToString(System.Globalization.CultureInfo.InvariantCulture),
            endTimeUnixNano = (start + 5_000_000).ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        return JsonSerializer.Serialize(new
        {
            resourceSpans = new[]
            {
                new
                {
                    resource = new { attributes = new[] { new { key = "service.name", value = new { stringValue = service } } } },
                    scopeSpans = new[] { new { spans = items } },
                },
            },
        });
    }
}
