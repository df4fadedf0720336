using AirisEpm.MetricsService.Domain;
using AirisEpm.PromQl.Model;
using AirisEpm.MetricsService.Storage;
using AirisEpm.ServiceDefaults.Security;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;

namespace AirisEpm.MetricsService.Benchmarks;

/// <summary>
/// A 24-hour range over 1,000 series (one sample per series per minute, 1.44 M samples) at a
/// 1-minute step, over HTTP. The step picks the 1m rollup tier. <c>OneSeriesFiveMinutes</c> is the
/// query each alert-service rule actor runs: one series of the 1,000, the last 5 minutes, raw tier.
/// </summary>
[MemoryDiagnoser]
public class QueryBenchmarks
{
    private const int Series = 1_000;
    private BenchmarkHost _host = null!;
    private HttpClient _client = null!;
    private string _range = "";
    private string _rule = "";

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _host = new BenchmarkHost();
        _client = _host.Client(Permissions.MetricsRead);
        var store = _host.Services.GetRequiredService<IMetricStore>();
        var end = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / 60_000 * 60_000;
        var start = end - 86_400_000;
        var labels = Enumerable.Range(0, Series)
            .Select(i => LabelSet.From([new Label("job", "job-" + (i % 10)), new("instance", "host-" + i)])).ToArray();
        var batch = new List<MetricSample>(50_000);
        for (var ts = start; ts <= end; ts += 60_000)
        {
            for (var s = 0; s < Series; s++)
            {
                batch.Add(new MetricSample("bench_latency_ms", labels[s], ts, (s % 97) + ((ts / 60_000) % 13)));
            }

            if (batch.Count >= 50_000)
            {
                await store.WriteAsync(batch, CancellationToken.None);
                batch.Clear();
            }
        }

        await store.WriteAsync(batch, CancellationToken.None);
        _range = $"/api/v1/metrics/query_range?name=bench_latency_ms&start={start / 1000}&end={end / 1000}&step=1m";
        _rule = "/api/v1/metrics/query_range?name=bench_latency_ms&match[]=%7Binstance%3D%22host-3%22%7D"
            + $"&start={(end - 300_000) / 1000}&end={end / 1000}&step=300&agg=max&group_by=&tier=raw";
    }

    [GlobalCleanup]
    public async Task CleanupAsync() => await _host.DisposeAsync();

    /// <summary>All 1,000 series averaged into one line of 1,441 points.</summary>
    [Benchmark]
    public Task<string> AvgAllSeries() => _client.GetStringAsync(new Uri(_range + "&agg=avg&group_by=", UriKind.Relative));

    /// <summary>A rule actor's query: max of one series over the last 5 minutes of raw samples (1 line, 2 points).</summary>
    [Benchmark]
    public Task<string> OneSeriesFiveMinutes() => _client.GetStringAsync(new Uri(_rule, UriKind.Relative));

    /// <summary>Max per job: 10 lines of 1,441 points.</summary>
    [Benchmark]
    public Task<string> MaxByJob() => _client.GetStringAsync(new Uri(_range + "&agg=max&group_by=job", UriKind.Relative));
}
