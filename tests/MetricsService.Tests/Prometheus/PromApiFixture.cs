using System.Globalization;
using System.Net;
using System.Text.Json;
using AirisEpm.MetricsService.Tests.Functional;
using AirisEpm.ServiceDefaults.Security;
using AirisEpm.TestSupport;

namespace AirisEpm.MetricsService.Tests.Prometheus;

/// <summary>
/// metrics-service in memory with a small fixture written through its JSON ingest API, read through the Prometheus
/// API: three <c>latency_ms</c> series and a counter <c>requests_total</c> that resets, ten samples 15 s apart from
/// <see cref="T0"/> (two whole hours ago).
/// </summary>
public sealed class PromApiFixture : IAsyncLifetime
{
    public MetricsFactory Factory { get; } = new();

    public HttpClient Reader { get; private set; } = null!;

    public long T0 { get; } = ((DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / 3_600_000) - 2) * 3_600_000;

    /// <summary>Unix seconds of <see cref="T0"/> plus <paramref name="offsetSeconds"/>, as a query parameter.</summary>
    public string At(double offsetSeconds) => ((T0 / 1000) + offsetSeconds).ToString(CultureInfo.InvariantCulture);

    public async ValueTask InitializeAsync()
    {
        // The property tests find queries that cost minutes (a subquery over millennia); a short engine timeout ends them.
        Factory.With("Metrics:PromQl:Timeout", "00:00:03");
        Reader = Factory.CreateClient().WithToken(Permissions.MetricsRead);
        using var writer = Factory.CreateClient().WithToken(Permissions.MetricsWrite);
        var metrics = new List<object>();
        for (var i = 0; i < 10; i++)
        {
            var ts = T0 + (i * 15_000);
            metrics.Add(Sample("latency_ms", i + 1, ts, ("job", "api"), ("code", "200")));
            metrics.Add(Sample("latency_ms", 10 * (i + 1), ts, ("job", "api"), ("code", "500")));
            metrics.Add(Sample("latency_ms", 1000, ts, ("job", "web"), ("code", "503")));
            metrics.Add(Sample("requests_total", i < 5 ? i * 10.0 : ((i - 5) * 10.0) + 5, ts, ("job", "api")));
        }

        metrics.Add(Sample("odd_labels", 1, T0, ("path", "/a<b>&\"c\" ☕")));
        using var response = await writer.PostAsync("/api/v1/metrics", Json.Batch([.. metrics]), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    public async ValueTask DisposeAsync()
    {
        Reader.Dispose();
        await Factory.DisposeAsync();
    }

    public async Task<(HttpStatusCode Status, string Body)> GetAsync(string pathAndQuery)
    {
        using var response = await Reader.GetAsync(pathAndQuery, TestContext.Current.CancellationToken);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    public async Task<(HttpStatusCode Status, string Body)> PostFormAsync(string path, params (string Name, string Value)[] form)
    {
        using var content = new FormUrlEncodedContent(form.Select(f => KeyValuePair.Create(f.Name, f.Value)));
        using var response = await Reader.PostAsync(path, content, TestContext.Current.CancellationToken);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    public static JsonElement Parse(string body) => JsonDocument.Parse(body).RootElement.Clone();

    private static object Sample(string name, double value, long ts, params (string Name, string Value)[] labels) =>
        new { name, value, timestamp = ts, labels = labels.ToDictionary(l => l.Name, l => l.Value) };
}
