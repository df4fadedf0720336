using AirisEpm.LogService.Domain;
using AirisEpm.LogService.Storage.Lucene.Collectors;

namespace AirisEpm.LogService.Storage.Lucene;

public sealed partial class LuceneLogStore
{
    // At or below this many matches per wanted record one pass over every match is cheaper than windows.
    private const int WholePassFactor = 10;
    private const long MinWindowNs = 1_000_000;

    /// <summary>
    /// The first <paramref name="want"/> records of <paramref name="selection"/> after <paramref name="cursor"/>,
    /// and a count of its matches that stops past 10,000. Records are not sorted by time in the index, so
    /// the page of a broad query over a whole partition would otherwise cost a sort of every match. Instead
    /// the count comes first (bounded, so at most about 10,000 matches are visited), and it gives the density
    /// of matches: the page is then read from consecutive time windows starting at the cursor's side, the
    /// first sized to hold about twice the page, each next one four times wider, until the page is full.
    /// <code>
    ///   start ─────────────────────────────────────────────── end   (newest first)
    ///                     │    window 3     │ w2  │w1│
    /// </code>
    /// A selective query (at most <see cref="WholePassFactor"/> matches per wanted record) takes one pass instead.
    /// </summary>
    private (List<LogRecord> Page, CountCollector Count) Windowed(LogSelection selection, bool newestFirst, int want, LogCursor? cursor, CancellationToken cancellationToken)
    {
        var count = new CountCollector();
        var partitions = InOrder(selection, newestFirst);
        Collect(selection, newestFirst, 0, null, partitions, count, null, cancellationToken);
        if (want == 0 || count.Count == 0 || partitions.Count == 0)
        {
            return ([], count);
        }

        if (count.Count <= (long)want * WholePassFactor)
        {
            return (Collect(selection, newestFirst, want, cursor, partitions, null, null, cancellationToken), count);
        }

        var from = Math.Max(selection.StartNs, partitions.Min(p => p.StartNs));
        var to = Math.Min(selection.EndNs, partitions.Max(p => p.EndNs));
        if (cursor is not null)
        {
            (from, to) = newestFirst ? (from, Math.Min(to, SaturatingAdd(cursor.TimestampNs, 1))) : (Math.Max(from, cursor.TimestampNs), to);
        }

        var width = Math.Max(MinWindowNs, (long)((to - (double)from) * Math.Min(1.0, 2.0 * want / count.Count)));
        var page = new List<LogRecord>(want);
        while (page.Count < want && from < to)
        {
            var (lo, hi) = newestFirst ? (Math.Max(from, to - width), to) : (from, Math.Min(to, SaturatingAdd(from, width)));
            var window = selection with { StartNs = lo, EndNs = hi };
            page.AddRange(Collect(window, newestFirst, want - page.Count, cursor, InOrder(window, newestFirst), null, null, cancellationToken));
            (from, to) = newestFirst ? (from, lo) : (hi, to);
            width = width > long.MaxValue / 4 ? long.MaxValue : width * 4;
        }

        return (page, count);
    }

    /// <summary>The partitions overlapping the selection's range, in the order a search reads them.</summary>
    private List<LogPartition> InOrder(LogSelection selection, bool newestFirst)
    {
        var overlapping = Partitions.Overlapping(selection.StartNs, selection.EndNs);
        return newestFirst ? [.. overlapping] : [.. overlapping.OrderBy(p => p.StartNs)];
    }

    private static long SaturatingAdd(long value, long add) => value > long.MaxValue - add ? long.MaxValue : value + add;
}
