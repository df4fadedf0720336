namespace AirisEpm.MetricsService.Storage.ClickHouse;

/// <summary>
/// The rollup buckets of one width that a batch touched, with the series and the time span that contain them,
/// so a refresh reads only those series over that span (primary key) and rewrites only those buckets.
/// </summary>
internal sealed record RollupKeys(long WidthMs, long[] SeriesIds, (long Series, long Bucket)[] Buckets, long FromMs, long ToExclusiveMs)
{
    /// <summary>The buckets of the samples at or after <paramref name="oldestMs"/> (older ones stay raw only); null when none is.</summary>
    public static RollupKeys? Of(IEnumerable<(long Series, long Ts)> samples, long widthMs, long oldestMs)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(widthMs);
        var buckets = new HashSet<(long Series, long Bucket)>();
        long from = long.MaxValue, to = long.MinValue;
        foreach (var (series, ts) in samples)
        {
            if (ts < oldestMs)
            {
                continue;
            }

            // Truncating division, as ClickHouse's intDiv in the refresh statements: the two must agree on every bucket.
            var bucket = ts / widthMs * widthMs;
            buckets.Add((series, bucket));
            from = Math.Min(from, bucket);
            to = Math.Max(to, bucket);
        }

        return buckets.Count == 0
            ? null
            : new RollupKeys(widthMs, [.. buckets.Select(b => b.Series).Distinct()], [.. buckets], from, to + widthMs);
    }
}
