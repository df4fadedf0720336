using AirisEpm.MetricsService.Storage;

namespace AirisEpm.MetricsService.Prometheus;

/// <summary>
/// Which series have samples in a time range, for the series and label lookups' <c>start</c>/<c>end</c>. Answered
/// from the 1-hour rollups (one row per series and hour, so cheap for any range): a series counts when it has a
/// sample in an hour that overlaps the range. Prometheus is as coarse (it answers from the 2-hour blocks that
/// overlap), so the answer is the same kind of superset.
/// </summary>
public static class SeriesActivity
{
    private const long HourMs = 3_600_000;

    /// <summary>True when [start, end] is Prometheus's default (MinTime to MaxTime): nothing to filter.</summary>
    public static bool IsUnbounded(long startMs, long endMs) => startMs <= PromParameters.MinTimeMs && endMs >= PromParameters.MaxTimeMs;

    public static async Task<IReadOnlyList<T>> ActiveAsync<T>(
        IMetricStore store, IReadOnlyList<T> series, Func<T, long> id, long startMs, long endMs, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(id);
        if (IsUnbounded(startMs, endMs) || series.Count == 0)
        {
            return series;
        }

        startMs = Math.Max(startMs, StoreSeriesSource.EarliestMs);
        endMs = Math.Min(endMs, StoreSeriesSource.LatestMs);
        if (endMs < startMs)
        {
            return [];
        }

        var first = Math.DivRem(startMs, HourMs, out var rest) * HourMs - (rest < 0 ? HourMs : 0);
        var groups = new Dictionary<long, int>(series.Count);
        for (var i = 0; i < series.Count; i++)
        {
            groups.TryAdd(id(series[i]), groups.Count);
        }

        var rows = await store.AggregateAsync(new AggregateQuery(StorageTier.Hour, groups, first, endMs - first + 1, 1), cancellationToken);
        var active = rows.Where(r => r.Count > 0).Select(r => r.Group).ToHashSet();
        return [.. series.Where(s => active.Contains(groups[id(s)]))];
    }
}
