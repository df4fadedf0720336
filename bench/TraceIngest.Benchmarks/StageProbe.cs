using System.Diagnostics;
using System.Globalization;
using AirisEpm.Protocols.Ingest;
using AirisEpm.Protocols.Otlp;
using AirisEpm.Protocols.Otlp.Proto;

using AirisEpm.TraceService.Ingest.Otlp;
using AirisEpm.TraceService.LiveGraph;
using AirisEpm.TraceService.SpanMetrics;
using AirisEpm.TraceService.Storage.Dependencies;
using AirisEpm.TraceService.Storage.DuckDb;
using SpanRowCodec = AirisEpm.TraceService.Storage.DuckDb.SpanRowCodec;
using Google.Protobuf;
using AirisEpm.Benchmarks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AirisEpm.TraceIngest.Benchmarks;

/// <summary>
/// Where a 512-span OTLP batch's time goes, stage by stage, without HTTP, on this thread: protobuf parse, conversion to
/// spans, the DuckDB write (one durable transaction per call; also with five batches per call, as the group commit
/// merges them), the live dependency graph and span metrics. Per stage: wall and process CPU per span (DuckDB's own
/// threads included) and bytes allocated on this thread per span. Every batch carries new spans.
/// </summary>
internal static class StageProbe
{
    public static async Task RunAsync(int spans, int batchSize)
    {
        var batches = Math.Max(10, spans / batchSize);
        var bodies = Enumerable.Range(0, batches + 20).Select(b => SyntheticSpans.Otlp((5 << 24) + (b * batchSize), batchSize).ToByteArray()).ToList();
        var folder = Directory.CreateTempSubdirectory("airis-trace-stages-").FullName;
        try
        {
            // Applied only when a batch is full or a read asks, so each stage measures what it names. The other settings are the
            // service's defaults, or what the environment sets as it would for the service (Traces__Store__DuckDb__MemoryLimit=128MB).
            var options = new DuckDbWriteOptions { ApplyInterval = TimeSpan.FromMinutes(1) };
            new ConfigurationBuilder().AddEnvironmentVariables().Build().GetSection("Traces:Store:DuckDb").Bind(options);
            Console.WriteLine($"DuckDB memory_limit {options.MemoryLimit}, {options.ApplyBatchSpans} spans per transaction");
            using var store = new DuckDbTraceStore(Path.Combine(folder, "traces.duckdb"), options);
            await store.InitializeAsync(CancellationToken.None);
            using var dependencies = new DuckDbDependencyStore(Path.Combine(folder, "dependencies.duckdb"));
            await dependencies.InitializeAsync(CancellationToken.None);
            using var graph = new LiveDependencyGraph(Options.Create(new DependencyGraphOptions()), dependencies, TimeProvider.System, NullLogger<LiveDependencyGraph>.Instance);
            var metrics = new SpanMetricsAggregator(Options.Create(new SpanMetricsOptions()));

            var warm = bodies.Take(20).Select(Convert).ToList();
            foreach (var batch in warm)
            {
                await store.WriteAsync(batch, CancellationToken.None);
                graph.OnDurable(batch);
                metrics.OnDurable(batch);
            }

            var measured = bodies.Skip(20).ToList();
            Time("parse + convert, each request dropped", batches * batchSize, () => measured.Sum(b => Convert(b).Count));
            var requests = Time("parse (protobuf)", batches * batchSize, () => measured.Select(b => OtlpBody.Parse(b, json: false, ExportTraceServiceRequest.Parser)).ToList());
            var converted = Time("convert (OtlpSpanConverter)", batches * batchSize, () => requests.Select(r => OtlpSpanConverter.Convert(r, new IngestProblems())).ToList());
            Time("encode rows (SpanRowCodec, no log)", batches * batchSize, () =>
            {
                foreach (var batch in converted)
                {
                    using var frame = new AirisEpm.Protocols.PooledBuffer(batch.Count * 512);
                    SpanRowCodec.Encode(batch, frame);
                }

                return 0;
            });
            var half = converted.Count / 2;
            Time($"store: {batchSize} spans per write, log only", half * batchSize, () =>
            {
                foreach (var batch in converted.Take(half)) store.WriteAsync(batch, CancellationToken.None).GetAwaiter().GetResult();
                return 0;
            });
            ProcessUsage.ResetPeak(Environment.ProcessId);
            Time("store: applying what was logged", half * batchSize, () => store.GetServicesAsync(CancellationToken.None).GetAwaiter().GetResult());
            var (allocated, resident) = DuckDbAllocator.Read();
            Console.WriteLine($"  after it: DuckDB's allocator {ServerStats.Mib(allocated)} MiB allocated, {ServerStats.Mib(resident)} MiB resident; " +
                $"process peak RSS during it {ServerStats.Mib(ProcessUsage.PeakRssBytes(Environment.ProcessId))} MiB, RSS now {ServerStats.Mib(ProcessUsage.RssBytes(Environment.ProcessId))} MiB");
            var merged = converted.Skip(half).Chunk(5).Select(c => (IReadOnlyList<TraceService.Domain.Span>)c.SelectMany(b => b).ToList()).ToList();
            Time($"store: {5 * batchSize} spans per write, log and apply", merged.Sum(m => m.Count), () =>
            {
                foreach (var batch in merged) store.WriteAsync(batch, CancellationToken.None).GetAwaiter().GetResult();
                return store.GetServicesAsync(CancellationToken.None).GetAwaiter().GetResult();
            });
            Time("dependency graph (OnDurable)", batches * batchSize, () =>
            {
                foreach (var batch in converted) graph.OnDurable(batch);
                return 0;
            });
            Time("span metrics (OnDurable)", batches * batchSize, () =>
            {
                foreach (var batch in converted) metrics.OnDurable(batch);
                return 0;
            });
            var lookups = converted.Select(b => b[0].TraceId).Take(200).ToList();
            var watch = new List<double>();
            Time($"lookup by trace id ({lookups.Count})", lookups.Count, () =>
            {
                foreach (var id in lookups)
                {
                    var started = Stopwatch.GetTimestamp();
                    store.GetTraceAsync(id, CancellationToken.None).GetAwaiter().GetResult();
                    watch.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                }

                return 0;
            }, unit: "call");
            watch.Sort();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  lookup p50 {watch[watch.Count / 2]:F2} ms p95 {watch[(int)(watch.Count * 0.95)]:F2} ms"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static List<TraceService.Domain.Span> Convert(byte[] body) =>
        OtlpSpanConverter.Convert(OtlpBody.Parse(body, json: false, ExportTraceServiceRequest.Parser), new IngestProblems());

    private static T Time<T>(string stage, int items, Func<T> run, string unit = "span")
    {
        GC.Collect();
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var watch = Stopwatch.StartNew();
        var result = run();
        watch.Stop();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{stage,-36} {items,8} {unit}s wall {watch.Elapsed.TotalMicroseconds / items,8:F2} µs/{unit} CPU {cpu.TotalMicroseconds / items,8:F2} µs/{unit} alloc {allocated / items,7:N0} B/{unit}"));
        return result;
    }
}
