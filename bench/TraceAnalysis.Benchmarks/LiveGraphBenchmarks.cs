using AirisEpm.TraceService.Domain;
using AirisEpm.TraceService.LiveGraph;
using AirisEpm.TraceService.Storage.Dependencies;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace AirisEpm.TraceAnalysis.Benchmarks;

/// <summary>
/// What trace-service's ingest pays per span for the live graph, as the sink calls it after each durable write:
/// <see cref="LiveDependencyGraph.OnDurable"/> over batches of 512 spans (an SDK's export batch; 100-span traces),
/// i.e. the extractor with entry calls, the graph record and the entry operations' stats. The clock moves 1 s per
/// batch (512 spans/s arriving), so the extractor's waits end and its 60 s memory evicts as it does live, and the
/// 195 batches come round again only after they were forgotten: every lap is new spans, not duplicates.
/// </summary>
[InProcess]
[MemoryDiagnoser]
public class LiveGraphBenchmarks
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "airis-live-graph-bench-" + Guid.NewGuid().ToString("N"));
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));
    private List<Span[]> _batches = [];
    private LiveDependencyGraph _graph = null!;
    private DuckDbDependencyStore _store = null!;
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        var spans = Enumerable.Range(0, 1_000)
            .SelectMany(t => SyntheticTrace.Generate(100, seed: t).Select(s => s with { TraceId = t.ToString("x32", System.Globalization.CultureInfo.InvariantCulture) }))
            .ToList();
        _batches = spans.Chunk(512).Where(b => b.Length == 512).ToList();
        _store = new DuckDbDependencyStore(Path.Combine(_folder, "dependencies.duckdb"));
        _graph = new LiveDependencyGraph(Options.Create(new DependencyGraphOptions()), _store, _clock, NullLogger<LiveDependencyGraph>.Instance);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _graph.Dispose();
        _store.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Benchmark(OperationsPerInvoke = 512)]
    public void OnDurable512()
    {
        _clock.Advance(TimeSpan.FromSeconds(1));
        _graph.OnDurable(_batches[_next++ % _batches.Count]);
    }
}
