using System.Diagnostics;
using System.IO.Compression;
using System.Text.Json;
using AirisEpm.TraceService.Analysis.ClockSkew;
using AirisEpm.TraceService.Analysis.CriticalPaths;
using AirisEpm.TraceService.Analysis.Trees;
using AirisEpm.TraceService.Apis.Views;
using AirisEpm.TraceService.Apis.Views.Outline;
using AirisEpm.TraceService.Domain;
using AirisEpm.TraceService.Storage.DuckDb;

namespace AirisEpm.TraceStore.Benchmarks;

/// <summary>
/// What opening the console's 10,000-span trace costs on the server, stage by stage: the store lookup, the tree and clock
/// skew, the critical path, and the answer, once as the two JSON documents the page read before (<c>/api/v1/traces/{id}</c>
/// and <c>/critical-path</c>, serialised as Minimal APIs do) and once as the outline it reads now, each with its size and
/// what Brotli and gzip at ASP.NET's default level (fastest) make of it. Median and p95 of wall time over the runs, and the
/// process's CPU time per run (the machine is shared: wall time under load overstates a stage's cost).
/// </summary>
internal static class TraceOpenStages
{
    private const int Runs = 30;
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    public static async Task RunAsync(string folder)
    {
        Console.WriteLine($"trace-open stages, 10,000-span batch trace; {Environment.ProcessorCount} cores; load {File.ReadAllText("/proc/loadavg").Trim()}");
        var traceId = "00000000000000000000000000b47c11";
        using (var store = new DuckDbTraceStore(Path.Combine(folder, "traces.duckdb")))
        {
            await store.InitializeAsync(CancellationToken.None);
            await store.WriteAsync(BatchTrace(traceId), CancellationToken.None);
            IReadOnlyList<Span> spans = [];
            Time("store lookup (GetTraceAsync)", () => spans = store.GetTraceAsync(traceId, CancellationToken.None).GetAwaiter().GetResult());
            ClockSkewResult adjusted = null!;
            Time("tree + clock skew", () => adjusted = ClockSkewAdjuster.Adjust(TraceTree.Build(spans)));
            CriticalPathResult path = null!;
            Time("critical path", () => path = CriticalPath.Compute(adjusted.Tree));
            byte[] old = [];
            Time("before: TraceView + CriticalPathView as JSON (2 answers)", () => old =
            [
                .. JsonSerializer.SerializeToUtf8Bytes(TraceView.Of(traceId, adjusted), Web),
                .. JsonSerializer.SerializeToUtf8Bytes(CriticalPathView.Of(traceId, adjusted, path), Web),
            ]);
            byte[] outline = [];
            Time("now: TraceOutline written with Utf8JsonWriter", () =>
            {
                var buffer = new System.Buffers.ArrayBufferWriter<byte>();
                using (var json = new Utf8JsonWriter(buffer))
                {
                    TraceOutlineJson.Write(json, traceId, TraceOutline.Of(adjusted, path));
                }

                outline = buffer.WrittenSpan.ToArray();
            });
            foreach (var (what, bytes) in new[] { ("before", old), ("now", outline) })
            {
                var brotli = 0;
                var gzip = 0;
                Time($"{what}: brotli (fastest)", () => brotli = Compressed(bytes, s => new BrotliStream(s, CompressionLevel.Fastest, leaveOpen: true)));
                Time($"{what}: gzip (fastest)", () => gzip = Compressed(bytes, s => new GZipStream(s, CompressionLevel.Fastest, leaveOpen: true)));
                Console.WriteLine($"{what}: {bytes.Length:N0} B of JSON, {brotli:N0} B brotli, {gzip:N0} B gzip");
            }
        }

        Console.WriteLine($"load at end {File.ReadAllText("/proc/loadavg").Trim()}");
    }

    private static int Compressed(byte[] bytes, Func<Stream, Stream> compressor)
    {
        using var target = new MemoryStream();
        using (var stream = compressor(target))
        {
            stream.Write(bytes);
        }

        return (int)target.Length;
    }

    private static void Time(string what, Action run)
    {
        run(); // warm-up
        var times = new List<double>(Runs);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        for (var i = 0; i < Runs; i++)
        {
            var clock = Stopwatch.StartNew();
            run();
            times.Add(clock.Elapsed.TotalMilliseconds);
        }

        var cpuMs = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds / Runs;
        times.Sort();
        Console.WriteLine($"  {what,-58} p50 {times[(Runs / 2) - 1],8:F1} ms  p95 {times[(Runs * 95 / 100) - 1],8:F1} ms  cpu {cpuMs,7:F1} ms");
    }

    /// <summary>The browser tests' batch import (tests/Console.BrowserTests/Support/TraceSeed.cs): a root, 99 files, 100 rows each but the last.</summary>
    private static List<Span> BatchTrace(string traceId)
    {
        var t0 = (DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() - 1_800_000) * 1_000_000;
        var spans = new List<Span>(10_000);
        var id = 0x1000_0000_0000_0000L;
        string Next() => (++id).ToString("x16", System.Globalization.CultureInfo.InvariantCulture);
        Span Make(string spanId, string? parent, string service, string name, SpanKind kind, long startUs, long durationUs, Dictionary<string, string> tags) =>
            new(traceId, spanId, parent, service, name, kind, t0 + (startUs * 1000), durationUs * 1000, SpanStatus.Unset, null,
                tags.ToDictionary(t => t.Key, t => AttributeValue.Of(t.Value)),
                new Dictionary<string, AttributeValue> { ["service.name"] = AttributeValue.Of(service) }, [], []);
        var root = Next();
        spans.Add(Make(root, null, "batch-importer", "nightly import", SpanKind.Server, 0, 900_000, new() { ["files"] = "99" }));
        for (var file = 0; file < 99; file++)
        {
            var fileSpan = Next();
            var fileStart = 1_000 + (file * 9_000L);
            spans.Add(Make(fileSpan, root, "batch-importer", $"import file {file:D2}", SpanKind.Unspecified, fileStart, 8_900, new() { ["file"] = $"orders-{file:D2}.csv" }));
            for (var row = 0; row < 100 && !(file == 98 && row == 99); row++)
            {
                spans.Add(Make(Next(), fileSpan, "warehouse-db", "INSERT order_row", SpanKind.Client, fileStart + 50 + (row * 88), 80,
                    new() { ["db.system"] = "postgresql", ["row"] = row.ToString(System.Globalization.CultureInfo.InvariantCulture) }));
            }
        }

        spans.Add(Make(Next(), root, "batch-importer", "commit", SpanKind.Unspecified, 892_000, 7_000, []));
        return spans;
    }
}
