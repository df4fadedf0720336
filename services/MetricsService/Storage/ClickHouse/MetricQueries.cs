namespace AirisEpm.MetricsService.Storage.ClickHouse;

/// <summary>
/// The read statements, with the selection in SQL: matchers on <c>series</c> (<see cref="SeriesFilter"/>), and on
/// samples and rollups a series set and time bounds on the primary key (series_id, then ts or bucket). Raw reads
/// use FINAL, rollup reads FINAL too, so a replaced sample or bucket is seen once, as its latest version. The
/// bounds follow <see cref="IMetricStore"/>: points in [start, end], aggregates in [start, start + step × buckets).
/// No explicit PREWHERE: every condition on a FINAL read is on sorting-key columns, which the primary key already
/// resolves to granules, and on <c>series</c> ClickHouse moves the conditions to PREWHERE itself.
/// </summary>
internal static class MetricQueries
{
    /// <summary>
    /// Matching series, each once: a series written again (by another replica, or after a restart) has several
    /// rows until a merge, all with the same name and labels, since its id is their hash.
    /// </summary>
    public static ClickHouseQuery FindSeries(SeriesSelector selector)
    {
        var p = new QueryParameters();
        return p.Query($"SELECT id, name, mapKeys(labels), mapValues(labels) FROM series WHERE {SeriesFilter.Where(selector, p)} LIMIT 1 BY id");
    }

    /// <summary>Each series' samples in time order; on a rollup tier each bucket's last sample (time and value).</summary>
    public static ClickHouseQuery Points(StorageTier tier, IReadOnlyCollection<long> seriesIds, long startMs, long endMs, long? limit = null)
    {
        var p = new QueryParameters();
        var (table, time, columns) = tier == StorageTier.Raw
            ? (ClickHouseSchema.Samples, "ts", "ts, value")
            : (ClickHouseSchema.Rollup(tier), "bucket", "last_ts, last_value");
        return p.Query($"""
            SELECT series_id, {columns} FROM {table} FINAL
            WHERE {p.SeriesIn(seriesIds)} AND {time} >= {p.Bind("Int64", startMs)} AND {time} <= {p.Bind("Int64", endMs)}
            ORDER BY series_id, {time}{(limit is { } rows ? " LIMIT " + p.Bind("Int64", rows) : "")}
            """);
    }

    /// <summary>Statistics per group and step bucket; a rollup bucket belongs to the step bucket that holds its start.</summary>
    public static ClickHouseQuery Aggregate(AggregateQuery query)
    {
        var p = new QueryParameters();
        // Raw statistics leave stale markers out (they are no values); rollups never hold them.
        var valuesOnly = query.Tier == StorageTier.Raw ? $" AND {ClickHouseSchema.IsValue}" : "";
        var (table, time, stats) = query.Tier == StorageTier.Raw
            ? (ClickHouseSchema.Samples, "ts", "min(value), max(value), sum(value), count(), argMax(value, ts), max(ts)")
            : (ClickHouseSchema.Rollup(query.Tier), "bucket",
                "min(min_value), max(max_value), sum(sum_value), sum(sample_count), argMax(last_value, last_ts), max(last_ts)");
        var start = p.Bind("Int64", query.StartMs);
        var seriesIds = query.SeriesGroups.Keys.ToArray();
        var ids = p.Bind("Array(Int64)", seriesIds);
        var group = $"transform(series_id, {ids}, {p.Bind("Array(Int32)", seriesIds.Select(id => query.SeriesGroups[id]).ToArray())}, -1)";
        return p.Query($"""
            SELECT {group} AS grp, intDiv({time} - {start}, {p.Bind("Int64", query.StepMs)}) AS i, {stats}
            FROM {table} FINAL
            WHERE {QueryParameters.SeriesIn(ids)} AND {time} >= {start} AND {time} < {p.Bind("Int64", query.EndExclusiveMs)}{valuesOnly}
            GROUP BY grp, i ORDER BY grp, i
            """);
    }

    /// <summary>Lightweight delete of a tier's rows before the cutoff; the table TTLs do the same in the background.</summary>
    public static ClickHouseQuery DeleteBefore(StorageTier tier, long cutoffMs)
    {
        var p = new QueryParameters();
        var (table, time) = tier == StorageTier.Raw ? (ClickHouseSchema.Samples, "ts") : (ClickHouseSchema.Rollup(tier), "bucket");
        return p.Query($"DELETE FROM {table} WHERE {time} < {p.Bind("Int64", cutoffMs)}");
    }
}
