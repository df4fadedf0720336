using System.Globalization;

namespace AirisEpm.TraceIngest.Benchmarks;

/// <summary>
/// What the server process tells the benchmark about itself (one JSON line per command, <see cref="BenchServer"/>):
/// its store's counts, its garbage collector's counters and heap by generation after the last collection, and DuckDB's
/// own memory now and at its largest since the previous command, and what the largest resident set sampled since then
/// was made of (<see cref="PeakSampler"/>). Sizes in bytes.
/// </summary>
internal sealed record ServerStats(
    long Writes,
    long Spans,
    int Gen0,
    int Gen1,
    int Gen2,
    double PauseMs,
    long AllocatedBytes,
    long HeapBytes,
    long CommittedBytes,
    long FragmentedBytes,
    long[] GenerationBytes,
    long LiveBytes,
    long DuckDbBytes,
    string DuckDbTags,
    long DuckDbPeakBytes,
    PeakSample AtPeak,
    long DuckDbAllocatedBytes,
    long DuckDbAllocatorResidentBytes)
{
    public static ServerStats Now(CountingTraceStore store, IReadOnlyList<(string Tag, long Bytes)> duckDb, (PeakSample AtPeak, long DuckDbPeak) sampled, long liveBytes = 0)
    {
        var info = GC.GetGCMemoryInfo();
        var allocator = DuckDbAllocator.Read();
        return new ServerStats(store.Writes, store.Spans, GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2),
            GC.GetTotalPauseDuration().TotalMilliseconds, GC.GetTotalAllocatedBytes(), info.HeapSizeBytes, info.TotalCommittedBytes,
            info.FragmentedBytes, [.. Enumerable.Range(0, info.GenerationInfo.Length).Select(i => info.GenerationInfo[i].SizeAfterBytes)], liveBytes,
            duckDb.Sum(t => t.Bytes), string.Join(' ', duckDb.Take(5).Select(t => string.Create(CultureInfo.InvariantCulture, $"{t.Tag} {Mib(t.Bytes)}"))),
            Math.Max(sampled.DuckDbPeak, duckDb.Sum(t => t.Bytes)), sampled.AtPeak, allocator.Allocated, allocator.Resident);
    }

    /// <summary>The managed heap by generation after the last collection: gen0, gen1, gen2, large and pinned objects.</summary>
    public string Generations()
    {
        string[] names = ["gen0", "gen1", "gen2", "LOH", "POH"];
        return string.Join(' ', GenerationBytes.Take(names.Length).Select((bytes, i) => $"{names[i]} {Mib(bytes)}"));
    }

    public static string Mib(long bytes) => (bytes / 1048576.0).ToString("F0", CultureInfo.InvariantCulture);
}
