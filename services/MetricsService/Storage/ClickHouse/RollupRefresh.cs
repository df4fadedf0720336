using System.Globalization;

namespace AirisEpm.MetricsService.Storage.ClickHouse;

/// <summary>
/// The statements a write runs after inserting its samples: each 1m bucket it touched recomputed from the raw
/// samples (FINAL, so an overwritten sample counts once, with its latest value), then each 1h bucket from those
/// 1m rows, inserted with version <c>now64(9)</c> so the new row replaces the old one.
/// <para>
/// Why recompute rather than merge partial states: a state (AggregatingMergeTree, or the partials DuckDB appends)
/// cannot take a replaced value back out, and ClickHouse has no transaction to delete and re-add a bucket in.
/// Recomputing from the deduplicated source is exact whatever was overwritten, and safe with several writers: a
/// refresh takes its version when its query starts and sees every insert completed before that; every sample's
/// own refresh starts after its insert completes, so the row with the highest version has seen every sample whose
/// refresh has a lower one, and ReplacingMergeTree keeps that row. The cost is a read of the touched buckets'
/// samples per write (the current minute and hour of each series in the batch), bounded by the primary key.
/// </para>
/// </summary>
internal static class RollupRefresh
{
    public static ClickHouseQuery Minute(RollupKeys keys) => Refresh(keys, ClickHouseSchema.Minute, ClickHouseSchema.Samples, "ts", FromRaw(keys.WidthMs), $" AND {ClickHouseSchema.IsValue}");

    public static ClickHouseQuery Hour(RollupKeys keys) => Refresh(keys, ClickHouseSchema.Hour, ClickHouseSchema.Minute, "bucket", FromMinutes(keys.WidthMs), "");

    /// <summary>The select list of rollup rows of <paramref name="widthMs"/> aggregated from raw samples, grouped by series_id, b.</summary>
    private static string FromRaw(long widthMs) =>
        $"series_id, {Bucket("ts", widthMs)} AS b, min(value), max(value), sum(value), count(), argMax(value, ts), max(ts), now64(9)";

    /// <summary>The select list of rollup rows of <paramref name="widthMs"/> merged from 1m rows, grouped by series_id, b.</summary>
    private static string FromMinutes(long widthMs) =>
        $"series_id, {Bucket("bucket", widthMs)} AS b, min(min_value), max(max_value), sum(sum_value), sum(sample_count), " +
        "argMax(last_value, last_ts), max(last_ts), now64(9)";

    /// <param name="filter">Raw samples only: stale markers are no values, so no rollup counts them.</param>
    private static ClickHouseQuery Refresh(RollupKeys keys, string table, string source, string time, string select, string filter)
    {
        var p = new QueryParameters();
        return p.Query($"""
            INSERT INTO {table} ({ClickHouseSchema.RollupColumns})
            SELECT {select}
            FROM {source} FINAL
            WHERE {p.SeriesIn(keys.SeriesIds)} AND {time} >= {p.Bind("Int64", keys.FromMs)} AND {time} < {p.Bind("Int64", keys.ToExclusiveMs)}{filter}
            GROUP BY series_id, b
            HAVING (series_id, b) IN (SELECT tupleElement(k, 1), tupleElement(k, 2) FROM (SELECT arrayJoin({p.Bind("Array(Tuple(Int64, Int64))", keys.Buckets)}) AS k))
            """);
    }

    private static string Bucket(string epochMs, long widthMs)
    {
        var width = widthMs.ToString(CultureInfo.InvariantCulture);
        return $"intDiv({epochMs}, {width}) * {width}";
    }
}
