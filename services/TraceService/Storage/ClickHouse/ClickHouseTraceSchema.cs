using System.Globalization;

namespace AirisEpm.TraceService.Storage.ClickHouse;

/// <summary>
/// Versioned ClickHouse schema.
/// <para>
/// <c>spans</c>: MergeTree partitioned by the UTC day of the start, ordered by (service, start) so a search for
/// a service and window reads only that service's granules of those days; a TTL of
/// <see cref="TraceStoreOptions.Retention"/> (whole days, rounded up). A bloom-filter skip index on the trace id
/// lets a trace lookup skip the granules of other traces inside its time bounds. Attributes are parallel
/// arrays as in DuckDB (<see cref="AttributeColumns"/>), events and links JSON (<see cref="SpanJson"/>).
/// Durability: an INSERT is acknowledged once its part is written; <c>fsync_after_insert</c> and
/// <c>fsync_part_directory</c> make that written-and-fsynced, so a server crash after the answer loses nothing.
/// </para>
/// <para>
/// <c>trace_index</c>: trace id → earliest and latest span start, an AggregatingMergeTree ordered by trace id and
/// fed by a materialized view on every insert into <c>spans</c>. A lookup reads one key's rows there, then
/// reads <c>spans</c> only within those bounds: the partitions of those days, the granules the bloom filter keeps.
/// </para>
/// </summary>
internal static class ClickHouseTraceSchema
{
    public static IReadOnlyList<(int Version, string Description, string[] Statements)> Migrations(TraceStoreOptions options)
    {
        var days = ((long)Math.Ceiling(options.Retention.TotalDays)).ToString(CultureInfo.InvariantCulture);
        return
        [
            (1, "spans, the trace-id index and its view",
            [
                $"""
                CREATE TABLE IF NOT EXISTS spans (
                    trace_id String, span_id String, parent_span_id Nullable(String), service LowCardinality(String),
                    name LowCardinality(String), kind Int8, start_ns Int64, duration_ns Int64, status Int8, status_message Nullable(String),
                    attr_keys Array(String), attr_values Array(String), attr_types Array(UInt8),
                    res_keys Array(String), res_values Array(String), res_types Array(UInt8),
                    events String, links String,
                    INDEX trace_id_bloom trace_id TYPE bloom_filter(0.01) GRANULARITY 1)
                ENGINE = MergeTree
                PARTITION BY toDate(toDateTime(intDiv(start_ns, 1000000000), 'UTC'))
                ORDER BY (service, start_ns)
                TTL toDateTime(intDiv(start_ns, 1000000000), 'UTC') + INTERVAL {days} DAY
                SETTINGS fsync_after_insert = 1, fsync_part_directory = 1
                """,
                $"""
                CREATE TABLE IF NOT EXISTS trace_index (
                    trace_id String, min_start SimpleAggregateFunction(min, Int64), max_start SimpleAggregateFunction(max, Int64))
                ENGINE = AggregatingMergeTree
                ORDER BY trace_id
                TTL toDateTime(intDiv(max_start, 1000000000), 'UTC') + INTERVAL {days} DAY
                SETTINGS fsync_after_insert = 1, fsync_part_directory = 1
                """,
                """
                CREATE MATERIALIZED VIEW IF NOT EXISTS trace_index_mv TO trace_index AS
                SELECT trace_id, min(start_ns) AS min_start, max(start_ns) AS max_start FROM spans GROUP BY trace_id
                """,
            ]),
        ];
    }
}
