using System.Globalization;
using AirisEpm.PromQl.Model;

namespace AirisEpm.MetricsService.Storage.ClickHouse;

/// <summary>
/// Versioned ClickHouse schema. Samples: ReplacingMergeTree (same series and timestamp collapse to
/// the latest insert; reads use FINAL), partitioned by month, ordered by (name, series, time),
/// DateTime64(3), with a TTL. Rollups: AggregatingMergeTree fed by materialized views with -State
/// functions and read with -Merge, so averages are sum/count, never an average of averages.
/// Stale markers are stored in <c>samples</c> bit-exact (RowBinary carries a Float64's bytes) and kept out of the
/// rollups by the views (<see cref="IsValue"/>).
/// </summary>
internal static class ClickHouseSchema
{
    /// <summary>A predicate on <c>value</c> that holds for every sample but a stale marker (its IEEE 754 bits compared).</summary>
    public static readonly string IsValue = $"reinterpretAsUInt64(value) != {StaleMarker.Bits.ToString(CultureInfo.InvariantCulture)}";

    public static IReadOnlyList<(int Version, string Description, string[] Statements)> Migrations(MetricStoreOptions o)
    {
        var raw = Days(o.RawRetention);
        return
        [
            (1, "series, samples, 1m and 1h rollups",
            [
                """
                CREATE TABLE IF NOT EXISTS series (id Int64, name String, labels Map(String, String), type LowCardinality(String),
                    updated_at DateTime64(3, 'UTC') DEFAULT now64(3))
                ENGINE = ReplacingMergeTree(updated_at) ORDER BY (name, id)
                """,
                $"""
                CREATE TABLE IF NOT EXISTS samples (name LowCardinality(String), series_id Int64, ts DateTime64(3, 'UTC'), value Float64,
                    inserted_at DateTime64(6, 'UTC') DEFAULT now64(6))
                ENGINE = ReplacingMergeTree(inserted_at) PARTITION BY toYYYYMM(ts) ORDER BY (name, series_id, ts)
                TTL toDateTime(ts) + INTERVAL {raw} DAY
                """,
                Rollup("rollup_1m", Days(o.MinuteRetention)),
                Rollup("rollup_1h", Days(o.HourRetention)),
                RollupView("rollup_1m", "toStartOfMinute(ts)", filter: ""),
                RollupView("rollup_1h", "toStartOfHour(ts)", filter: ""),
            ]),
            // A view cannot be altered: each is replaced by one that leaves stale markers out. Samples inserted
            // between the drop and the create (by another replica) miss the rollups.
            (2, "rollup views without stale markers",
            [
                "DROP VIEW IF EXISTS rollup_1m_mv",
                RollupView("rollup_1m", "toStartOfMinute(ts)", filter: $"WHERE {IsValue}"),
                "DROP VIEW IF EXISTS rollup_1h_mv",
                RollupView("rollup_1h", "toStartOfHour(ts)", filter: $"WHERE {IsValue}"),
            ]),
        ];
    }

    private static string Days(TimeSpan span) => ((long)Math.Ceiling(span.TotalDays)).ToString(CultureInfo.InvariantCulture);

    private static string Rollup(string table, string days) => $"""
        CREATE TABLE IF NOT EXISTS {table} (name LowCardinality(String), series_id Int64, bucket DateTime('UTC'),
            min AggregateFunction(min, Float64), max AggregateFunction(max, Float64), sum AggregateFunction(sum, Float64),
            count AggregateFunction(count), last AggregateFunction(argMax, Float64, DateTime64(3, 'UTC')),
            last_ts AggregateFunction(max, DateTime64(3, 'UTC')))
        ENGINE = AggregatingMergeTree PARTITION BY toYYYYMM(bucket) ORDER BY (name, series_id, bucket)
        TTL bucket + INTERVAL {days} DAY
        """;

    private static string RollupView(string table, string bucket, string filter) => $"""
        CREATE MATERIALIZED VIEW IF NOT EXISTS {table}_mv TO {table} AS
        SELECT name, series_id, {bucket} AS bucket, minState(value) AS min, maxState(value) AS max, sumState(value) AS sum,
            countState() AS count, argMaxState(value, ts) AS last, maxState(ts) AS last_ts
        FROM samples {filter} GROUP BY name, series_id, bucket
        """;
}
