using System.Globalization;
using System.Runtime.CompilerServices;
using AirisEpm.TraceService.Analysis.Dependencies;

namespace AirisEpm.TraceAnalysis.Benchmarks;

/// <summary>
/// Retained heap per span held by the <see cref="DependencyExtractor"/>: 200,000 spans of 2,000
/// traces observed, the spans themselves dropped, a full collection, heap difference / spans held.
/// </summary>
internal static class MemoryProbe
{
    public static void Run()
    {
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var extractor = Fill();
        var after = GC.GetTotalMemory(forceFullCollection: true);
        var held = extractor.Stats.Tracked;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"DependencyExtractor: {held:N0} spans held, {(after - before) / (double)held:F0} bytes per span retained ({(after - before) / 1e6:F1} MB)"));
        GC.KeepAlive(extractor);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static DependencyExtractor Fill()
    {
        var extractor = new DependencyExtractor();
        for (var t = 0; t < 2_000; t++)
        {
            var trace = t.ToString("x32", CultureInfo.InvariantCulture);
            extractor.Observe(SyntheticTrace.Generate(100, seed: t).Select(s => s with { TraceId = trace }), nowNs: 0);
        }
        return extractor;
    }
}
