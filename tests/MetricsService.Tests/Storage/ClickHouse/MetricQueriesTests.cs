using AirisEpm.MetricsService.Storage;
using AirisEpm.MetricsService.Storage.ClickHouse;
using Matcher = AirisEpm.PromQl.Model.Matcher;
using MatchOp = AirisEpm.PromQl.Model.MatchOp;

namespace AirisEpm.MetricsService.Tests.Storage.ClickHouse;

/// <summary>The read statements: series ids and time bounds on the primary key, every value a parameter.</summary>
public sealed class MetricQueriesTests
{
    private static object[] Values(ClickHouseQuery query) => [.. query.Parameters.Select(p => p.Value)];

    [Fact]
    public void Find_series_filters_in_sql_and_keeps_one_row_per_series()
    {
        var query = MetricQueries.FindSeries(new SeriesSelector("up", [Matcher.Create("job", MatchOp.Equal, "api")]));

        Assert.Equal("SELECT id, name, mapKeys(labels), mapValues(labels) FROM series WHERE name = {p0:String} AND labels[{p1:String}] = {p2:String} LIMIT 1 BY id", query.Sql);
        Assert.Equal(["up", "job", "api"], Values(query));
    }

    [Fact]
    public void Raw_points_read_the_id_set_between_both_bounds_inclusive()
    {
        var query = MetricQueries.Points(StorageTier.Raw, [7L, -3L], 1000, 2000);

        Assert.Equal("""
            SELECT series_id, ts, value FROM samples_v2 FINAL
            WHERE series_id IN (SELECT arrayJoin({p0:Array(Int64)})) AND ts >= {p1:Int64} AND ts <= {p2:Int64}
            ORDER BY series_id, ts
            """, query.Sql);
        Assert.Equal(new long[] { 7, -3 }, query.Parameters[0].Value);
        Assert.Equal([1000L, 2000L], Values(query)[1..]);
    }

    [Theory]
    [InlineData(StorageTier.Minute, "rollup_1m_v2")]
    [InlineData(StorageTier.Hour, "rollup_1h_v2")]
    public void Rollup_points_are_each_buckets_last_sample_selected_by_bucket_start(StorageTier tier, string table)
    {
        var query = MetricQueries.Points(tier, [1L], 0, 60_000);

        Assert.Equal($$"""
            SELECT series_id, last_ts, last_value FROM {{table}} FINAL
            WHERE series_id IN (SELECT arrayJoin({p0:Array(Int64)})) AND bucket >= {p1:Int64} AND bucket <= {p2:Int64}
            ORDER BY series_id, bucket
            """, query.Sql);
    }

    [Fact]
    public void Raw_aggregates_map_series_to_groups_and_exclude_the_end()
    {
        var groups = new Dictionary<long, int> { [5] = 1, [7] = 0, [9] = 1 };
        var query = MetricQueries.Aggregate(new AggregateQuery(StorageTier.Raw, groups, 10_000, 60_000, 3));

        Assert.Equal("""
            SELECT transform(series_id, {p1:Array(Int64)}, {p2:Array(Int32)}, -1) AS grp, intDiv(ts - {p0:Int64}, {p3:Int64}) AS i, min(value), max(value), sum(value), count(), argMax(value, ts), max(ts)
            FROM samples_v2 FINAL
            WHERE series_id IN (SELECT arrayJoin({p1:Array(Int64)})) AND ts >= {p0:Int64} AND ts < {p4:Int64} AND reinterpretAsUInt64(value) != 9218868437227405314
            GROUP BY grp, i ORDER BY grp, i
            """, query.Sql);
        Assert.Equal(new object[] { 10_000L, new long[] { 5, 7, 9 }, new[] { 1, 0, 1 }, 60_000L, 190_000L }, Values(query));
    }

    [Fact]
    public void Rollup_aggregates_merge_complete_rows_exactly()
    {
        var query = MetricQueries.Aggregate(new AggregateQuery(StorageTier.Hour, new Dictionary<long, int> { [1] = 0 }, 0, 3_600_000, 2));

        Assert.Contains("min(min_value), max(max_value), sum(sum_value), sum(sample_count), argMax(last_value, last_ts), max(last_ts)\nFROM rollup_1h_v2 FINAL", query.Sql);
        Assert.Contains("AND bucket >= {p0:Int64} AND bucket < {p4:Int64}", query.Sql);
    }

    [Theory]
    [InlineData(StorageTier.Raw, "DELETE FROM samples_v2 WHERE ts < {p0:Int64}")]
    [InlineData(StorageTier.Minute, "DELETE FROM rollup_1m_v2 WHERE bucket < {p0:Int64}")]
    [InlineData(StorageTier.Hour, "DELETE FROM rollup_1h_v2 WHERE bucket < {p0:Int64}")]
    public void Retention_deletes_each_tier_before_the_cutoff(StorageTier tier, string sql)
    {
        var query = MetricQueries.DeleteBefore(tier, 42);

        Assert.Equal(sql, query.Sql);
        Assert.Equal([42L], Values(query));
    }
}
