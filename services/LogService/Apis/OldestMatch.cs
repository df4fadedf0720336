using AirisEpm.LogService.Storage;

namespace AirisEpm.LogService.Apis;

/// <summary>
/// The time of the oldest record a query matches. The store answers newest first only, so the oldest non-empty bucket
/// of a histogram is narrowed by a histogram of its own (<see cref="Buckets"/> buckets each round, so an hour reaches
/// single nanoseconds within five rounds) until it holds at most <see cref="Page"/> records; its one page, newest
/// first, ends with the oldest. Costs one histogram per round and one page, never a walk over every match.
/// </summary>
internal static class OldestMatch
{
    public const int Buckets = 500;
    public const int Page = 1_000;

    /// <summary>
    /// The oldest matching record's time, or null when none matches. <paramref name="histogram"/> is one the caller
    /// already has for <paramref name="query"/>'s range (its buckets as wide as <see cref="LogQueryLimits.BucketWidth"/> says).
    /// </summary>
    public static async Task<long?> TimeNsAsync(ILogStore store, LogQuery query, IReadOnlyList<HistogramBucket> histogram, CancellationToken ct)
    {
        var width = LogQueryLimits.BucketWidth(query);
        var (startNs, endNs) = (query.StartNs, query.EndNs);
        while (true)
        {
            var first = histogram.FirstOrDefault(b => b.CountsByLevel.Values.Sum() > 0);
            if (first is null) return null;
            (startNs, endNs) = (Math.Max(startNs, first.StartNs), Math.Min(endNs, first.StartNs + width));
            if (first.CountsByLevel.Values.Sum() <= Page || endNs - startNs <= 1) break;
            var narrower = query with { StartNs = startNs, EndNs = endNs, Limit = 0, After = null, HistogramBuckets = (int)Math.Min(Buckets, endNs - startNs) };
            width = LogQueryLimits.BucketWidth(narrower);
            histogram = (await store.SearchAsync(narrower, ct)).Histogram;
        }

        var page = await store.SearchAsync(query with { StartNs = startNs, EndNs = endNs, Limit = Page, After = null, HistogramBuckets = 0, Highlight = false }, ct);
        return page.Hits.Count > 0 ? page.Hits[^1].Record.TimestampNs : null;
    }
}
