using AirisEpm.LogService.Domain;

namespace AirisEpm.LogService.Storage.Lucene;

/// <summary>The records of several logged appends side by side, so that threads can index contiguous slices of them.</summary>
internal sealed class IndexingBatch(LogRecord[] records, byte[][] sources)
{
    public LogRecord[] Records { get; } = records;

    /// <summary>Each record's serialised JSON (its stored source), at the same index.</summary>
    public byte[][] Sources { get; } = sources;

    public int Count => Records.Length;

    public static IndexingBatch Of(IReadOnlyList<LoggedAppend> appends)
    {
        var total = 0;
        foreach (var append in appends)
        {
            total += append.Records.Count;
        }

        var (records, sources) = (new LogRecord[total], new byte[total][]);
        var at = 0;
        foreach (var append in appends)
        {
            for (var i = 0; i < append.Records.Count; i++, at++)
            {
                (records[at], sources[at]) = (append.Records[i], append.Sources[i]);
            }
        }

        return new IndexingBatch(records, sources);
    }

    /// <summary>How many threads index <paramref name="count"/> records: at most <paramref name="maxThreads"/>, each with at least <paramref name="minPerThread"/> (always at least one).</summary>
    public static int Threads(int count, int maxThreads, int minPerThread) =>
        Math.Clamp(count / Math.Max(1, minPerThread), 1, Math.Max(1, maxThreads));

    /// <summary>The [start, end) of slice <paramref name="slice"/> when <paramref name="count"/> records are cut into <paramref name="slices"/> near-equal runs.</summary>
    public static (int Start, int End) Slice(int count, int slices, int slice) =>
        ((int)((long)count * slice / slices), (int)((long)count * (slice + 1) / slices));
}
