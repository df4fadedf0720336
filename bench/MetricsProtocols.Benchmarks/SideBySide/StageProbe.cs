using System.Diagnostics;
using System.Globalization;
using AirisEpm.MetricsService.Domain;
using AirisEpm.PromQl.Model;
using AirisEpm.MetricsService.Ingest;
using AirisEpm.MetricsService.Ingest.Wal;
using AirisEpm.MetricsService.Protocols;
using AirisEpm.MetricsService.Protocols.RemoteWrite;
using AirisEpm.MetricsService.Storage;
using AirisEpm.MetricsService.Storage.DuckDb;
using AirisEpm.Protocols;
using AirisEpm.ServiceDefaults.Batching;
using Microsoft.Extensions.Logging.Abstractions;
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

        var fresh = Directory.CreateTempSubdirectory("airis-stage-probe-");
        try
        {
            using var store = new DuckDbMetricStore(Options.Create(new MetricStoreOptions()), TimeProvider.System, Path.Combine(fresh.FullName, "m.duckdb"));
            await store.InitializeAsync(CancellationToken.None);
            var news = Enumerable.Range(0, 50).Select(b => decoder.Decode(RawOf(RemoteWriteBody.Build([.. Enumerable.Range(b * 2_000, 2_000).Select(i => RemoteWriteBody.SeriesLabels(9, i, "node_new_bench"))], t0, 1)))).ToList();
            await TimeAsync("DuckDB write, 100,000 new series", 100_000, async () =>
            {
                for (var i = 0; i < news.Count; i += 25)
                {
                    await store.WriteAsync([.. news.Skip(i).Take(25).SelectMany(b => b)], CancellationToken.None);
                }
            });
            using var connection = new DuckDB.NET.Data.DuckDBConnection($"Data Source={Path.Combine(fresh.FullName, "m.duckdb")}");
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT tag, memory_usage_bytes FROM duckdb_memory() WHERE memory_usage_bytes > 0";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  DuckDB memory {reader.GetString(0)}: {reader.GetInt64(1) / 1048576.0:F1} MiB"));
            }
        }
        finally
        {
            fresh.Delete(recursive: true);
        }

        foreach (var size in new[] { 250_000 })
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
                    var slowest = TimeSpan.Zero;
                    for (var i = 0; i < rest.Count; i += size)
                    {
                        var started = Stopwatch.GetTimestamp();
                        await store.WriteAsync(rest.GetRange(i, Math.Min(size, rest.Count - i)), CancellationToken.None);
                        slowest = TimeSpan.FromTicks(Math.Max(slowest.Ticks, Stopwatch.GetElapsedTime(started).Ticks));
                    }

                    Console.Write(string.Create(CultureInfo.InvariantCulture, $"(slowest write {slowest.TotalMilliseconds:F0} ms) "));
                });
            }
            finally
            {
                folder.Delete(recursive: true);
            }
        }
    }

    /// <summary>
    /// The ingestor alone (write-ahead log append with group commit, the applier's queue, DuckDB behind it): 32 callers
    /// each ingesting one sample at a time, as the small-request HTTP mode does without HTTP.
    /// </summary>
    public static async Task IngestorAsync(int requests)
    {
        const int Callers = 32;
        var folder = Directory.CreateTempSubdirectory("airis-stage-ingestor-");
        try
        {
            using var store = new DuckDbMetricStore(Options.Create(new MetricStoreOptions()), TimeProvider.System, Path.Combine(folder.FullName, "m.duckdb"));
            await store.InitializeAsync(CancellationToken.None);
            var walOptions = Options.Create(new WalOptions());
            var writerOptions = new BatchingWriterOptions { MaxBatchSize = 250_000, Capacity = 750_000, FlushInterval = TimeSpan.FromSeconds(1) };
            using var writer = new BatchingWriter<MetricSample>(new StoreBatchSink(store), Options.Create(writerOptions), TimeProvider.System, NullLogger<BatchingWriter<MetricSample>>.Instance);
            using var wal = new MetricWal(Path.Combine(folder.FullName, "wal"), walOptions, NullLogger<MetricWal>.Instance);
            await wal.OpenAsync(store, CancellationToken.None);
            await writer.StartAsync(CancellationToken.None);
            var ingestor = new MetricIngestor(writer, wal, new PendingWrites(walOptions, TimeProvider.System), walOptions, NullLogger<MetricIngestor>.Instance);
            var labels = Enumerable.Range(0, 50).Select(i => LabelSet.From([new Label("series", i.ToString(CultureInfo.InvariantCulture))])).ToArray();
            var t0 = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() - 3_600_000;
            async Task CallAsync(int caller, int count)
            {
                for (var k = 0; k < count; k++)
                {
                    await ingestor.IngestAsync([new MetricSample("probe_" + caller, labels[k % labels.Length], t0 + k, k)], CancellationToken.None);
                }
            }

            await Task.WhenAll(Enumerable.Range(0, Callers).Select(c => Task.Run(() => CallAsync(c, 60))));
            await TimeAsync($"ingestor, 1 sample x {Callers} callers", requests, () => Task.WhenAll(Enumerable.Range(0, Callers).Select(c => Task.Run(() => CallAsync(c, requests / Callers)))));
            await writer.StopAsync(CancellationToken.None);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static byte[] RawOf(AirisEpm.Benchmarks.RequestBody body)
    {
        using var raw = BodyDecompression.Snappy(body.Bytes, 1L << 30);
        return raw.Span.ToArray();
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
