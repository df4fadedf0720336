using AirisEpm.TraceService.Analysis.Dependencies;
using AirisEpm.TraceService.Analysis.Graph;
using AirisEpm.TraceService.Domain;
using BenchmarkDotNet.Attributes;

namespace AirisEpm.TraceAnalysis.Benchmarks;

/// <summary>What ingest pays per span: the dependency extractor over 100 traces of 100 spans (10,000 spans a batch), then recording the calls found in the graph.</summary>
[InProcess]
[MemoryDiagnoser]
public class IngestPathBenchmarks
{
    private List<Span> _spans = [];
    private long _now;

    [GlobalSetup]
    public void Setup() =>
        _spans = Enumerable.Range(0, 100)
            .SelectMany(t => SyntheticTrace.Generate(100, seed: t).Select(s => s with { TraceId = t.ToString("x32", System.Globalization.CultureInfo.InvariantCulture) }))
            .ToList();

    [Benchmark(OperationsPerInvoke = 10_000)]
    public int ExtractAndRecord()
    {
        var extractor = new DependencyExtractor();
        var graph = new DependencyGraph();
        _now += 1_000_000_000;
        var calls = extractor.Observe(_spans, _now);
        graph.Record(calls);
        return calls.Count;
    }
}
