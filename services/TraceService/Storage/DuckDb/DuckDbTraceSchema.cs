using AirisEpm.DuckDbStorage;
using DuckDB.NET.Data;

namespace AirisEpm.TraceService.Storage.DuckDb;

/// <summary>
/// Versioned schema: each migration runs once, in order, in a transaction, and is recorded in
/// <c>schema_migrations</c>. Append new versions; never edit an applied one.
/// <para>
/// Version 2 (the current shape). <c>spans</c> is appended in batches of up to about a row group, each sorted by
/// trace id and numbered by <c>seq</c> (<see cref="SpanRowsApply"/>), so rows are in <c>seq</c> order and DuckDB's
/// per-row-group min/max (zone maps) on <c>seq</c> are exact; <c>start_ns</c> follows arrival closely, so its zone maps
/// let a time-bounded scan skip almost every row group too. It has no index: an ART index over every span would cost
/// more than the rest of an append. Attributes and resource attributes are one text each (<see cref="AttributeText"/>:
/// a tag filter is one <c>contains</c>); events and links are JSON text (<see cref="SpanJson"/>): never searched,
/// only read back.
/// </para>
/// <para>
/// <c>trace_ranges</c> has one row per trace per applied batch: the <c>seq</c> range of its spans there and their
/// latest start, with an ART index on the trace id. A lookup finds its ranges through the index and reads only those
/// rows of <c>spans</c> (a zone-map range scan on <c>seq</c>), whatever the table's size.
/// </para>
/// <para>
/// Version 1 had three LIST columns per attribute map and <c>trace_index</c> with start bounds; version 2 copies its
/// rows over (numbered in trace-id order) and drops it.
/// </para>
/// </summary>
internal static class DuckDbTraceSchema
{
    /// <summary>A key, value or type list of version 1 as <see cref="AttributeText"/> (escapes as it writes them).</summary>
    private static string TextOf(string keys, string values, string types) =>
        $"chr(31) || array_to_string(list_transform(generate_series(1, len({keys})), i -> {Escaped($"{keys}[i]")} || chr(30) || {Escaped($"{values}[i]")} || chr(30) || CAST({types}[i] AS VARCHAR) || chr(31)), '')";

    private static string Escaped(string text) =>
        $"replace(replace(replace({text}, chr(29), chr(29) || chr(1)), chr(30), chr(29) || chr(2)), chr(31), chr(29) || chr(3))";

    private static readonly (int Version, string Description, string Sql)[] Migrations =
    [
        (1, "spans and the trace-id index", """
            CREATE TABLE spans (
                trace_id VARCHAR NOT NULL, span_id VARCHAR NOT NULL, parent_span_id VARCHAR, service VARCHAR NOT NULL,
                name VARCHAR NOT NULL, kind TINYINT NOT NULL, start_ns BIGINT NOT NULL, duration_ns BIGINT NOT NULL,
                status TINYINT NOT NULL, status_message VARCHAR,
                attr_keys VARCHAR[] NOT NULL, attr_values VARCHAR[] NOT NULL, attr_types UTINYINT[] NOT NULL,
                res_keys VARCHAR[] NOT NULL, res_values VARCHAR[] NOT NULL, res_types UTINYINT[] NOT NULL,
                events VARCHAR NOT NULL, links VARCHAR NOT NULL);
            CREATE TABLE trace_index (trace_id VARCHAR NOT NULL, min_start BIGINT NOT NULL, max_start BIGINT NOT NULL);
            CREATE INDEX trace_index_trace_id ON trace_index (trace_id);
            """),
        (2, "spans numbered in trace-id order per batch, attributes as text, trace_ranges", $"""
            CREATE TABLE spans_v2 (
                seq BIGINT NOT NULL, trace_id VARCHAR NOT NULL, span_id VARCHAR NOT NULL, parent_span_id VARCHAR,
                service VARCHAR NOT NULL, name VARCHAR NOT NULL, kind TINYINT NOT NULL, start_ns BIGINT NOT NULL,
                duration_ns BIGINT NOT NULL, status TINYINT NOT NULL, status_message VARCHAR,
                attributes VARCHAR NOT NULL, resource VARCHAR NOT NULL, events VARCHAR NOT NULL, links VARCHAR NOT NULL);
            INSERT INTO spans_v2
                SELECT row_number() OVER (ORDER BY trace_id, start_ns), trace_id, span_id, parent_span_id, service, name, kind,
                    start_ns, duration_ns, status, status_message,
                    {TextOf("attr_keys", "attr_values", "attr_types")}, {TextOf("res_keys", "res_values", "res_types")}, events, links
                FROM spans;
            CREATE TABLE trace_ranges (trace_id VARCHAR NOT NULL, min_seq BIGINT NOT NULL, max_seq BIGINT NOT NULL, max_start BIGINT NOT NULL);
            INSERT INTO trace_ranges SELECT trace_id, min(seq), max(seq), max(start_ns) FROM spans_v2 GROUP BY trace_id;
            DROP TABLE trace_index;
            DROP TABLE spans;
            ALTER TABLE spans_v2 RENAME TO spans;
            CREATE INDEX trace_ranges_trace_id ON trace_ranges (trace_id);
            """),
    ];

    public static void Migrate(DuckDBConnection connection) => Migrate(connection, int.MaxValue);

    /// <summary>Applies the migrations up to <paramref name="through"/> (tests build an older file with it).</summary>
    internal static void Migrate(DuckDBConnection connection, int through)
    {
        Execute(connection, """
            CREATE TABLE IF NOT EXISTS schema_migrations (
                version INTEGER PRIMARY KEY, description VARCHAR NOT NULL, applied_at TIMESTAMP NOT NULL DEFAULT current_timestamp)
            """);
        using var current = connection.CreateCommand();
        current.CommandText = "SELECT coalesce(max(version), 0) FROM schema_migrations";
        var applied = Convert.ToInt32(current.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);

        foreach (var (version, description, sql) in Migrations.Where(m => m.Version > applied && m.Version <= through))
        {
            using var transaction = connection.BeginTransaction();
            Execute(connection, sql);
            using var record = connection.CreateCommand();
            record.CommandText = "INSERT INTO schema_migrations (version, description) VALUES ($v, $d)";
            record.Parameters.Add(new DuckDBParameter("v", version));
            record.Parameters.Add(new DuckDBParameter("d", description));
            record.ExecuteNonQuery();
            transaction.Commit();
        }
    }

    private static void Execute(DuckDBConnection connection, string sql) => DuckDbWriter.Execute(connection, sql);
}
