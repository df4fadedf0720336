using System.Diagnostics;
using System.Globalization;
using AirisEpm.MetricsService.Domain;
using AirisEpm.MetricsService.Protocols;
using AirisEpm.MetricsService.Protocols.RemoteWrite;
using AirisEpm.MetricsService.Storage;
using AirisEpm.MetricsService.Storage.DuckDb;
using AirisEpm.Protocols;
using Microsoft.Extensions.Options;

namespace AirisEpm.MetricsProtocols.Benchmarks.SideBySide;

/// <summary>
/// In process, one stage at a time, on the throughput mode's bodies: snappy + decode, then the DuckDB store's write at
/// several batch sizes (one request's 2,000 samples, and the larger ones a write-ahead log's applier merges). Prints the
/// process's CPU per sample for each, so a change to one stage can be weighed without the HTTP path around it.
/// </summary>
internal static class StageProbe
{
    public static async Task RunAsync(int requestsPerSender)
    {
        var labels = Enumerable.Range(0, 4).Select(s => (IReadOnlyList<byte[]>)[.. Enumerable.Range(0, 2_000).Select(i => RemoteWriteBody.SeriesLabels(s, i))]).ToList();
        var t0 = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() - 3_600_000;
        var bodies = Enumerable.Range(0, requestsPerSender).SelectMany(k => labels.Select(l => RemoteWriteBody.Build(l, t0 + k * 1_000L, k))).ToList();
        var decoder = new RemoteWriteDecoder(Options.Create(new ProtocolOptions()));

        var samples = bodies.Sum(b => (long)b.Items);
        var raws = new List<byte[]>();
        Time("snappy", samples, () =>
        {
            foreach (var body in bodies)
            {
                using var raw = BodyDecompression.Snappy(body.Bytes, 1L << 30);
                raws.Add(raw.Span.ToArray());
            }
        });

        var batches = new List<List<MetricSample>>();
        Time("decode, first sight of each series", bodies[0].Items, () => decoder.Decode(raws[0]));
        Time("decode", samples, () =>
        {
            foreach (var raw in raws)
            {
                batches.Add(decoder.Decode(raw));
            }
        });

        foreach (var size in new[] { 2_000, 50_000, 125_000, 250_000 })
        {
            var folder = Directory.CreateTempSubdirectory("airis-stage-probe-");
            try
            {
                using var store = new DuckDbMetricStore(Options.Create(new MetricStoreOptions()), TimeProvider.System, Path.Combine(folder.FullName, "m.duckdb"));
                await store.InitializeAsync(CancellationToken.None);
                var all = batches.SelectMany(b => b).ToList();
                await store.WriteAsync(all[..8_000], CancellationToken.None); // series and JIT
                var rest = all[8_000..];
                await TimeAsync($"DuckDB write, {size} per batch", rest.Count, async () =>
                {
                    for (var i = 0; i < rest.Count; i += size)
                    {
                        await store.WriteAsync(rest.GetRange(i, Math.Min(size, rest.Count - i)), CancellationToken.None);
                    }
                });
            }
            finally
            {
                folder.Delete(recursive: true);
            }
        }
    }

    private static void Time(string name, long samples, Action action) => TimeAsync(name, samples, () => { action(); return Task.CompletedTask; }).GetAwaiter().GetResult();

    private static async Task TimeAsync(string name, long samples, Func<Task> action)
    {
        GC.Collect();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var watch = Stopwatch.StartNew();
        await action();
        var used = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name,-32} {samples,9} samples {watch.Elapsed.TotalSeconds,6:F2} s {used.TotalMicroseconds / samples,6:F2} µs CPU/sample {(GC.GetTotalAllocatedBytes(precise: true) - allocated) / (double)samples,7:F0} B/sample; load {SideBySideBenchmark.Load()}"));
    }
}
