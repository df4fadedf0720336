using AirisEpm.MetricsService.Storage.ClickHouse;

namespace AirisEpm.MetricsService.Tests.Storage.ClickHouse;

public sealed class RollupRefreshTests
{
    private static readonly (long, long)[] Samples = [(1, 125_000), (1, 130_000), (2, 59_999), (2, 3_600_000), (3, 10)];

    [Fact]
    public void Keys_are_the_touched_buckets_their_series_and_the_span_holding_them()
    {
        var keys = RollupKeys.Of(Samples, 60_000, oldestMs: 50)!;

        Assert.Equal(new (long, long)[] { (1, 120_000), (2, 0), (2, 3_600_000) }, keys.Buckets.Order());
        Assert.Equal([1L, 2L], keys.SeriesIds.Order());
        Assert.Equal((0L, 3_660_000L), (keys.FromMs, keys.ToExclusiveMs));
    }

    [Fact]
    public void Samples_older_than_the_late_window_touch_no_bucket()
    {
        Assert.Null(RollupKeys.Of(Samples, 60_000, oldestMs: 4_000_000));
        Assert.Equal(new (long, long)[] { (2, 3_600_000) }, RollupKeys.Of(Samples, 3_600_000, oldestMs: 3_600_000)!.Buckets);
    }

    [Fact]
    public void The_minute_refresh_recomputes_touched_buckets_from_deduplicated_raw_samples()
    {
        var keys = RollupKeys.Of([(1, 125_000)], 60_000, 0)!;
        var query = RollupRefresh.Minute(keys);

        Assert.Equal("""
            INSERT INTO rollup_1m_v2 (series_id, bucket, min_value, max_value, sum_value, sample_count, last_value, last_ts, version)
            SELECT series_id, intDiv(ts, 60000) * 60000 AS b, min(value), max(value), sum(value), count(), argMax(value, ts), max(ts), now64(9)
            FROM samples_v2 FINAL
            WHERE series_id IN (SELECT arrayJoin({p0:Array(Int64)})) AND ts >= {p1:Int64} AND ts < {p2:Int64} AND reinterpretAsUInt64(value) != 9218868437227405314
            GROUP BY series_id, b
            HAVING (series_id, b) IN (SELECT tupleElement(k, 1), tupleElement(k, 2) FROM (SELECT arrayJoin({p3:Array(Tuple(Int64, Int64))}) AS k))
            """, query.Sql);
        Assert.Equal(new object[] { new long[] { 1 }, 120_000L, 180_000L, new (long, long)[] { (1, 120_000) } }, query.Parameters.Select(p => p.Value));
        Assert.Equal(["Array(Int64)", "Int64", "Int64", "Array(Tuple(Int64, Int64))"], query.Parameters.Select(p => p.Type));
    }

    [Fact]
    public void The_hour_refresh_merges_the_final_minute_rows()
    {
        var query = RollupRefresh.Hour(RollupKeys.Of([(1, 125_000)], 3_600_000, 0)!);

        Assert.StartsWith("INSERT INTO rollup_1h_v2 (", query.Sql);
        Assert.Contains("SELECT series_id, intDiv(bucket, 3600000) * 3600000 AS b, min(min_value), max(max_value), sum(sum_value), sum(sample_count), argMax(last_value, last_ts), max(last_ts), now64(9)\nFROM rollup_1m_v2 FINAL", query.Sql);
        Assert.Contains("AND bucket >= {p1:Int64} AND bucket < {p2:Int64}", query.Sql);
        Assert.Equal([0L, 3_600_000L], query.Parameters.Skip(1).Take(2).Select(p => p.Value));
    }
}
