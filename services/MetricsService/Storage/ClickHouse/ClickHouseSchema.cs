using System.Globalization;

namespace AirisEpm.MetricsService.Storage.ClickHouse;

/// <summary>
/// Versioned ClickHouse schema; append versions, never edit an applied one.
/// <para>
/// Version 2, what the store reads and writes: <c>samples_v2</c> is a ReplacingMergeTree ordered by
/// (series_id, ts), so a series id set and a time range select granules by the primary key and a sample written
/// twice for the same series and timestamp is one row (the latest insert, by <c>inserted_at</c>; reads use FINAL).
/// Times are Int64 epoch milliseconds as in DuckDB. <c>value</c> is a Float64 moved in RowBinary both ways, never
/// through text, so every NaN keeps its 64-bit pattern: the stale marker (0x7ff0000000000002) comes back bit-exact.
/// </para>
/// <para>
/// Rollups (<c>rollup_1m_v2</c>, <c>rollup_1h_v2</c>) are ReplacingMergeTrees of complete rows keyed by
/// (series_id, bucket) with a <c>version</c>: each write recomputes the buckets it touched (1m from raw FINAL,
/// 1h from 1m FINAL, see <see cref="RollupRefresh"/>) and inserts them with a newer version, which replaces the
/// older row. Version 1 fed AggregatingMergeTree states from materialized views instead; a view sees inserts,
/// not replacements, and a state cannot take a value back out, so an overwritten sample was counted twice.
/// </para>
/// <para>
/// Inserts are fsynced (part and directory) before they are acknowledged, as the trace store's are: an answered
/// write survives a server crash.
/// </para>
/// </summary>
internal static class ClickHouseSchema
{
    /// <summary>A predicate on <c>value</c> that holds for every sample but a stale marker (its IEEE 754 bits compared).</summary>
    public static readonly string IsValue = $"reinterpretAsUInt64(value) != {AirisEpm.PromQl.Model.StaleMarker.Bits.ToString(CultureInfo.InvariantCulture)}";

    public const string Samples = "samples_v2";
    public const string Minute = "rollup_1m_v2";
    public const string Hour = "rollup_1h_v2";
    private const string Durable = "SETTINGS fsync_after_insert = 1, fsync_part_directory = 1";

    public static string Rollup(StorageTier tier) => tier == StorageTier.Minute ? Minute : Hour;

    public static IReadOnlyList<ClickHouseMigration> Migrations(MetricStoreOptions o)
    {
        var raw = Days(o.RawRetention);
        return
        [
            new(1, "series, samples, 1m and 1h rollups",
            [
                new("""
                CREATE TABLE IF NOT EXISTS series (id Int64, name String, labels Map(String, String), type LowCardinality(String),
                    updated_at DateTime64(3, 'UTC') DEFAULT now64(3))
                ENGINE = ReplacingMergeTree(updated_at) ORDER BY (name, id)
                """),
                new($"""
                CREATE TABLE IF NOT EXISTS samples (name LowCardinality(String), series_id Int64, ts DateTime64(3, 'UTC'), value Float64,
                    inserted_at DateTime64(6, 'UTC') DEFAULT now64(6))
                ENGINE = ReplacingMergeTree(inserted_at) PARTITION BY toYYYYMM(ts) ORDER BY (name, series_id, ts)
                TTL toDateTime(ts) + INTERVAL {raw} DAY
                """),
                new(V1Rollup("rollup_1m", Days(o.MinuteRetention))),
                new(V1Rollup("rollup_1h", Days(o.HourRetention))),
                new(V1RollupView("rollup_1m", "toStartOfMinute(ts)")),
                new(V1RollupView("rollup_1h", "toStartOfHour(ts)")),
            ]),
            new(2, "samples by series and time, rollups recomputed per touched bucket", [.. Version2(o)]),
        ];
    }

    private static IEnumerable<MigrationStep> Version2(MetricStoreOptions o)
    {
        // The views go first: from here on nothing feeds the version 1 rollups.
        yield return new("DROP VIEW IF EXISTS rollup_1m_mv");
        yield return new("DROP VIEW IF EXISTS rollup_1h_mv");
        yield return new($"""
            CREATE TABLE IF NOT EXISTS {Samples} (series_id Int64, ts Int64, value Float64, inserted_at DateTime64(6, 'UTC') DEFAULT now64(6))
            ENGINE = ReplacingMergeTree(inserted_at) PARTITION BY toYYYYMM({Time("ts")}) ORDER BY (series_id, ts)
            TTL {Time("ts")} + INTERVAL {Days(o.RawRetention)} DAY
            {Durable}
            """);
        yield return new(V2Rollup(Minute, Days(o.MinuteRetention)));
        yield return new(V2Rollup(Hour, Days(o.HourRetention)));

        // Version 1 data, copied while its tables exist, streaming (no GROUP BY over a whole table): raw rows as they
        // are, and each v1 rollup key once, its states merged by FINAL. A repeated copy lands on the same replacing keys.
        // The copied rollups (version 0) keep the v1 values, which counted an overwritten sample twice; any bucket
        // written after the upgrade is recomputed from raw. Recomputing all of history here would be one aggregation
        // over every series and bucket, more memory than a migration at start-up may take.
        yield return new($"""
            INSERT INTO {Samples} (series_id, ts, value, inserted_at)
            SELECT series_id, toUnixTimestamp64Milli(ts), value, inserted_at FROM samples
            """, "samples");
        foreach (var (old, table) in new[] { ("rollup_1m", Minute), ("rollup_1h", Hour) })
        {
            yield return new($"""
                INSERT INTO {table} ({RollupColumns})
                SELECT series_id, toInt64(toUnixTimestamp(bucket)) * 1000, finalizeAggregation(min), finalizeAggregation(max),
                    finalizeAggregation(sum), finalizeAggregation(count), finalizeAggregation(last),
                    toUnixTimestamp64Milli(finalizeAggregation(last_ts)), toDateTime64(0, 9, 'UTC')
                FROM {old} FINAL
                """, old);
        }

        yield return new("DROP TABLE IF EXISTS rollup_1m");
        yield return new("DROP TABLE IF EXISTS rollup_1h");
        yield return new("DROP TABLE IF EXISTS samples");
    }

    public const string RollupColumns = "series_id, bucket, min_value, max_value, sum_value, sample_count, last_value, last_ts, version";

    private static string Time(string epochMs) => $"toDateTime(intDiv({epochMs}, 1000), 'UTC')";

    private static string Days(TimeSpan span) => ((long)Math.Ceiling(span.TotalDays)).ToString(CultureInfo.InvariantCulture);

    private static string V2Rollup(string table, string days) => $"""
        CREATE TABLE IF NOT EXISTS {table} (series_id Int64, bucket Int64, min_value Float64, max_value Float64, sum_value Float64,
            sample_count UInt64, last_value Float64, last_ts Int64, version DateTime64(9, 'UTC'))
        ENGINE = ReplacingMergeTree(version) PARTITION BY toYYYYMM({Time("bucket")}) ORDER BY (series_id, bucket)
        TTL {Time("bucket")} + INTERVAL {days} DAY
        {Durable}
        """;

    private static string V1Rollup(string table, string days) => $"""
        CREATE TABLE IF NOT EXISTS {table} (name LowCardinality(String), series_id Int64, bucket DateTime('UTC'),
            min AggregateFunction(min, Float64), max AggregateFunction(max, Float64), sum AggregateFunction(sum, Float64),
            count AggregateFunction(count), last AggregateFunction(argMax, Float64, DateTime64(3, 'UTC')),
            last_ts AggregateFunction(max, DateTime64(3, 'UTC')))
        ENGINE = AggregatingMergeTree PARTITION BY toYYYYMM(bucket) ORDER BY (name, series_id, bucket)
        TTL bucket + INTERVAL {days} DAY
        """;

    private static string V1RollupView(string table, string bucket) => $"""
        CREATE MATERIALIZED VIEW IF NOT EXISTS {table}_mv TO {table} AS
        SELECT name, series_id, {bucket} AS bucket, minState(value) AS min, maxState(value) AS max, sumState(value) AS sum,
            countState() AS count, argMaxState(value, ts) AS last, maxState(ts) AS last_ts
        FROM samples GROUP BY name, series_id, bucket
        """;
}
