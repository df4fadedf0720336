using System.Net.Http.Headers;
using System.Text;
using AirisEpm.MetricsService.Domain;
using AirisEpm.PromQl.Model;
using AirisEpm.MetricsService.Storage;
using AirisEpm.ServiceDefaults.Security;
using Microsoft.Extensions.DependencyInjection;
using BenchmarkDotNet.Attributes;

namespace AirisEpm.MetricsService.Benchmarks;

/// <summary>
/// JSON ingest over HTTP, batches of 2,000 samples: 2,000 series scraped at one instant, each
/// batch 15 s after the previous one, as a fleet of scrape targets would send them.
/// <c>OneBatch</c>: one request at a time — its percentiles are the request latency.
/// <c>Concurrent</c>: 4 clients × 4 requests; per-request time there gives throughput (samples/s = 2,000 / mean).
/// </summary>
[MemoryDiagnoser]
public class IngestBenchmarks
{
    private const int SamplesPerBatch = 2_000;
    private BenchmarkHost _host = null!;
    private HttpClient _client = null!;
    private long _nextTs;
    private IMetricStore _store = null!;
    private LabelSet[] _series = [];

    [GlobalSetup]
    public void Setup()
    {
        _host = new BenchmarkHost();
        _client = _host.Client(Permissions.MetricsWrite);
        _nextTs = DateTimeOffset.UtcNow.AddDays(-1).ToUnixTimeMilliseconds();
        _store = _host.Services.GetRequiredService<IMetricStore>();
        _series = [.. Enumerable.Range(0, SamplesPerBatch).Select(s => LabelSet.From([new Label("job", "api"), new("instance", "host-" + s), new("code", "200")]))];
    }

    [GlobalCleanup]
    public async Task CleanupAsync() => await _host.DisposeAsync();

    [Benchmark]
    public Task OneBatch() => PostAsync();

    /// <summary>The same batch written straight to the store: what HTTP, JSON and validation add is the difference.</summary>
    [Benchmark]
    public Task StoreOnly()
    {
        var ts = Interlocked.Add(ref _nextTs, 15_000) - 15_000;
        return _store.WriteAsync(_series.Select(l => new MetricSample("bench_store_total", l, ts, ts / 1000)).ToArray(), CancellationToken.None);
    }

    [Benchmark(OperationsPerInvoke = 16)]
    public Task Concurrent() => Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
    {
        for (var i = 0; i < 4; i++)
        {
            await PostAsync();
        }
    }));

    private async Task PostAsync()
    {
        var ts = Interlocked.Add(ref _nextTs, 15_000) - 15_000;
        var json = new StringBuilder("{\"metrics\":[", SamplesPerBatch * 110);
        for (var s = 0; s < SamplesPerBatch; s++)
        {
            json.Append(s == 0 ? "" : ",")
                .Append("{\"name\":\"bench_requests_total\",\"type\":\"counter\",\"value\":").Append(ts / 1000)
                .Append(",\"timestamp\":").Append(ts)
                .Append(",\"labels\":{\"job\":\"api\",\"instance\":\"host-").Append(s).Append("\",\"code\":\"200\"}}");
        }

        using var content = new StringContent(json.Append("]}").ToString(), Encoding.UTF8, new MediaTypeHeaderValue("application/json"));
        using var response = await _client.PostAsync(new Uri("/api/v1/metrics", UriKind.Relative), content);
        response.EnsureSuccessStatusCode();
    }
}
