using AirisEpm.PromQl.Model;

namespace AirisEpm.MetricsService.Storage;

/// <summary>
/// The statistics of some samples of one series in one rollup bucket. Partials of the same series and
/// bucket merge exactly (min of mins, sum of sums, last by timestamp), so a batch can add its own partial
/// without reading what is stored. Min and max order NaN above every number, as DuckDB and ClickHouse do,
/// so partials computed here and merged by the store agree with aggregating the raw samples there.
/// Stale markers (<see cref="StaleMarker"/>) are no values: they add nothing to any partial.
/// </summary>
public readonly record struct RollupPartial(long SeriesId, long Bucket, double Min, double Max, double Sum, long Count, double Last, long LastTs)
{
    /// <summary>One partial per series and bucket of <paramref name="widthMs"/> for the samples at or after <paramref name="oldestMs"/>.</summary>
    public static List<RollupPartial> Of(IEnumerable<KeyValuePair<(long Series, long Ts), double>> samples, long widthMs, long oldestMs)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(widthMs);
        var partials = new Dictionary<(long Series, long Bucket), RollupPartial>();
        foreach (var ((series, ts), value) in samples)
        {
            if (ts < oldestMs || StaleMarker.IsStale(value))
            {
                continue;
            }

            var bucket = ts - (((ts % widthMs) + widthMs) % widthMs);
            partials[(series, bucket)] = partials.TryGetValue((series, bucket), out var p)
                ? new RollupPartial(series, bucket, Lower(p.Min, value), Higher(p.Max, value), p.Sum + value, p.Count + 1,
                    ts > p.LastTs ? value : p.Last, Math.Max(ts, p.LastTs))
                : new RollupPartial(series, bucket, value, value, value, 1, value, ts);
        }

        return [.. partials.Values];
    }

    private static double Lower(double a, double b) => double.IsNaN(a) ? b : double.IsNaN(b) ? a : Math.Min(a, b);

    private static double Higher(double a, double b) => double.IsNaN(a) || double.IsNaN(b) ? double.NaN : Math.Max(a, b);
}
