using System.Diagnostics;
using System.Globalization;
using AirisEpm.MetricsService.Domain;
using AirisEpm.MetricsService.Storage;
using AirisEpm.MetricsService.Storage.DuckDb;
using AirisEpm.PromQl.Model;
using Microsoft.Extensions.Options;

namespace AirisEpm.MetricsProtocols.Benchmarks;

/// <summary>
/// Mode <c>reopen</c>: one series read over a day from the DuckDB store in this process, first from the store that
/// wrote the day, then from a store opened again on the same file. The day is 10,000 series at a 1-minute interval
/// (14.4 million samples), written as remote_write requests of 500 series × 30 scrapes bring it. The series' read
/// was about 3 times slower from the store that wrote it (bench/README-protocols.md).
/// </summary>
internal static class ReopenProbe
{
    private const int Series = 10_000;
    private const int Scrapes = 1_440;
    private const long IntervalMs = 60_000;

    public static async Task RunAsync()
    {
        var folder = Directory.CreateTempSubdirectory("airis-reopen-probe-").FullName;
        try
        {
            var path = Path.Combine(folder, "metrics.duckdb");
            var options = Options.Create(new MetricStoreOptions { DuckDbPath = path });
            var endMs = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / IntervalMs * IntervalMs;
            var startMs = endMs - (Scrapes * IntervalMs);
            var labels = Enumerable.Range(0, Series)
                .Select(i => LabelSet.From(("job", "job-" + (i / 100).ToString(CultureInfo.InvariantCulture)), ("instance", "inst-" + (i % 100).ToString(CultureInfo.InvariantCulture))))
                .ToArray();
            var seriesId = labels[703].SeriesId("bench_requests_total");
            using (var writer = new DuckDbMetricStore(options, TimeProvider.System, path))
            {
                await writer.InitializeAsync(CancellationToken.None);
                var clock = Stopwatch.StartNew();
                await WriteDayAsync(writer, labels, startMs);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"wrote {Series * Scrapes:N0} samples in {clock.Elapsed.TotalSeconds:F1} s"));
                await TimeAsync("one series over the day, from the store that wrote it", writer, seriesId, startMs, endMs);
            }

            using var reopened = new DuckDbMetricStore(options, TimeProvider.System, path);
            await reopened.InitializeAsync(CancellationToken.None);
            await TimeAsync("one series over the day, from the store opened again", reopened, seriesId, startMs, endMs);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task WriteDayAsync(DuckDbMetricStore store, LabelSet[] labels, long startMs)
    {
        const int SeriesPerRequest = 500;
        const int ScrapesPerRequest = 30;
        for (var from = 0; from < Scrapes; from += ScrapesPerRequest)
        {
            for (var first = 0; first < labels.Length; first += SeriesPerRequest)
            {
                var batch = new List<MetricSample>(SeriesPerRequest * ScrapesPerRequest);
                for (var s = first; s < first + SeriesPerRequest; s++)
                {
                    for (var k = from; k < from + ScrapesPerRequest; k++)
                    {
                        // Each target scrapes at its own offset in the minute, as BenchData's do.
                        batch.Add(new MetricSample("bench_requests_total", labels[s], startMs + (k * IntervalMs) + 500 + s, k, MetricType.Counter));
                    }
                }

                await store.WriteAsync(batch, CancellationToken.None);
            }
        }
    }

    /// <summary>The median of 20 reads after one warm-up.</summary>
    private static async Task TimeAsync(string name, DuckDbMetricStore store, long seriesId, long startMs, long endMs)
    {
        var times = new List<double>();
        var samples = 0;
        for (var i = 0; i <= 20; i++)
        {
            var clock = Stopwatch.StartNew();
            var points = await store.PointsAsync(StorageTier.Raw, [seriesId], startMs, endMs, CancellationToken.None);
            if (i > 0)
            {
                times.Add(clock.Elapsed.TotalMilliseconds);
            }

            samples = points.Sum(p => p.Timestamps.Length);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}: median {times.Order().ElementAt(times.Count / 2):F2} ms ({samples:N0} samples)"));
    }
}
