using AirisEpm.TraceService.Analysis.ClockSkew;
using AirisEpm.TraceService.Analysis.CriticalPaths;
using AirisEpm.TraceService.Analysis.Trees;
using AirisEpm.TraceService.Domain;
using BenchmarkDotNet.Attributes;

namespace AirisEpm.TraceAnalysis.Benchmarks;

/// <summary>One trace of <see cref="Spans"/> spans: building its tree, adjusting skew, its critical path, and all three.</summary>
[InProcess]
[MemoryDiagnoser]
public class CriticalPathBenchmarks
{
    private List<Span> _spans = [];
    private TraceTree _tree = null!;

    [Params(1_000, 10_000)]
    public int Spans { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _spans = SyntheticTrace.Generate(Spans);
        _tree = TraceTree.Build(_spans);
    }

    [Benchmark]
    public TraceTree BuildTree() => TraceTree.Build(_spans);

    [Benchmark]
    public ClockSkewResult AdjustSkew() => ClockSkewAdjuster.Adjust(_tree);

    [Benchmark]
    public CriticalPathResult CriticalPathOnly() => CriticalPath.Compute(_tree);

    [Benchmark]
    public CriticalPathResult TreeSkewAndPath() => CriticalPath.Compute(ClockSkewAdjuster.Adjust(TraceTree.Build(_spans)).Tree);
}
