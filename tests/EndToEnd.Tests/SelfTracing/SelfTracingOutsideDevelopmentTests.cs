using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using AirisEpm.ServiceDefaults.Dapr;
using AirisEpm.ServiceDefaults.Security;
using AirisEpm.TestSupport;

namespace AirisEpm.EndToEnd.Tests.SelfTracing;

/// <summary>
/// What compose and Kubernetes configure (docker-compose.yml's x-app-tracing, the deployments' env): an app exports its
/// own spans to a Production trace-service with OTEL_EXPORTER_OTLP_TRACES_HEADERS=dapr-api-token=&lt;APP_API_TOKEN&gt;,
/// and they are stored; the same export with another token is refused. Both services are real processes.
/// </summary>
public sealed class SelfTracingOutsideDevelopmentTests : IDisposable
{
    private readonly string _traces = Path.Combine(Path.GetTempPath(), "airis-selftrace-" + Guid.NewGuid().ToString("N"));
    private readonly string _metrics = Path.Combine(Path.GetTempPath(), "airis-selftrace-metrics-" + Guid.NewGuid().ToString("N"));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose()
    {
        foreach (var folder in new[] { _traces, _metrics }.Where(Directory.Exists)) Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task An_apps_own_spans_reach_a_production_trace_service_with_the_sidecar_token_and_not_without_it()
    {
        using var traceService = await ServiceProcess.StartAsync("TraceService", new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Auth__UseDevelopmentKeys"] = "false",
            ["Auth__Jwks"] = SigningKeyPair.KeySet(TestTokens.Production.PublicJwk),
            ["APP_API_TOKEN"] = TestTokens.AppApiToken,
            ["Traces__Store__DataDirectory"] = _traces,
        }, Ct);

        using var reader = new HttpClient { BaseAddress = traceService.BaseUrl };
        reader.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ProductionToken(Permissions.TracesRead));

        await ExportFromMetricsServiceAsync(traceService.BaseUrl, "not-the-sidecar-token", "wrong-token");
        Assert.False(await HasTraceOfMetricsServiceAsync(reader, TimeSpan.FromSeconds(2)), "spans sent with a wrong token were stored");

        await ExportFromMetricsServiceAsync(traceService.BaseUrl, TestTokens.AppApiToken, "with-token");
        Assert.True(await HasTraceOfMetricsServiceAsync(reader, TimeSpan.FromSeconds(10)), "metrics-service's spans, sent with the sidecar token, were not stored");
    }

    /// <summary>Starts metrics-service exporting to trace-service, makes it serve one request, and gives the exporter time to send its spans.</summary>
    private async Task ExportFromMetricsServiceAsync(Uri traceService, string token, string instance)
    {
        using (var metrics = await ServiceProcess.StartAsync("MetricsService", new Dictionary<string, string>
               {
                   ["Metrics__Store__DuckDbPath"] = Path.Combine(_metrics, instance, "metrics.duckdb"),
                   ["OTEL_EXPORTER_OTLP_TRACES_ENDPOINT"] = new Uri(traceService, "/v1/traces").ToString(),
                   ["OTEL_EXPORTER_OTLP_TRACES_HEADERS"] = "dapr-api-token=" + token,
                   ["OTEL_BSP_SCHEDULE_DELAY"] = "200",
               }, Ct))
        {
            using var client = new HttpClient { BaseAddress = metrics.BaseUrl }.WithToken(Permissions.MetricsRead);
            using var response = await client.GetAsync("/api/v1/metrics/names", Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            await Task.Delay(TimeSpan.FromSeconds(1.5), Ct);
        }
    }

    private static async Task<bool> HasTraceOfMetricsServiceAsync(HttpClient reader, TimeSpan wait)
    {
        var deadline = DateTime.UtcNow + wait;
        do
        {
            var json = await reader.GetStringAsync($"/api/traces?service={AppIds.MetricsService}&limit=20", Ct);
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.GetProperty("data").GetArrayLength() > 0) return true;
            await Task.Delay(250, Ct);
        }
        while (DateTime.UtcNow < deadline);

        return false;
    }

    private static string ProductionToken(string permission) =>
        TokenIssuer.Mint(SigningKeys.ParsePrivateKey(TestTokens.Production.PrivateJwk), TestTokens.Issuer, AppIds.All, "test-user", [permission],
            TimeSpan.FromMinutes(5));
}
