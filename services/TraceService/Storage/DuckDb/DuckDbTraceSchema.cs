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
/// more than the rest of an append. The columns are what searches filter on (attributes and resource attributes as
/// one text each, <see cref="AttributeText"/>: a tag filter is one <c>contains</c>), plus <c>row</c>, the span's
/// encoded row (<see cref="SpanRowCodec"/>), the only column reads take spans from: fetching a few rows costs DuckDB
/// about a third of a millisecond per column it has to open, so a lookup that read fourteen columns spent 5 ms of CPU.
/// </para>
/// <para>
/// <c>trace_ranges</c> has one row per trace per applied batch: the <c>seq</c> range of its spans there and their
/// latest start, with an ART index on the trace id. A lookup finds its ranges through the index and reads only those
/// rows of <c>spans</c> (a zone-map range scan on <c>seq</c>), whatever the table's size.
/// </para>
/// <para>
/// Version 1 had three LIST columns per attribute map and <c>trace_index</c> with start bounds; version 2 copies its
/// rows over (<see cref="DuckDbSchemaV1"/>) and drops them.
/// </para>
/// </summary>
internal static class DuckDbTraceSchema
{
    /// <summary>The tables of version 2, made by its migration (<see cref="DuckDbSchemaV1.CopyToVersion2"/>).</summary>
    public const string Version2Tables = """
        CREATE TABLE spans (
            seq BIGINT NOT NULL, trace_id VARCHAR NOT NULL, span_id VARCHAR NOT NULL, parent_span_id VARCHAR,
            service VARCHAR NOT NULL, name VARCHAR NOT NULL, kind TINYINT NOT NULL, start_ns BIGINT NOT NULL,
            duration_ns BIGINT NOT NULL, status TINYINT NOT NULL, attributes VARCHAR NOT NULL, resource VARCHAR NOT NULL,
            row BLOB NOT NULL);
        CREATE TABLE trace_ranges (trace_id VARCHAR NOT NULL, min_seq BIGINT NOT NULL, max_seq BIGINT NOT NULL, max_start BIGINT NOT NULL);
        CREATE INDEX trace_ranges_trace_id ON trace_ranges (trace_id);
        """;

    private static readonly (int Version, string Description, Action<DuckDBConnection> Run)[] Migrations =
    [
        (1, "spans and the trace-id index", c => Execute(c, """
            CREATE TABLE spans (
                trace_id VARCHAR NOT NULL, span_id VARCHAR NOT NULL, parent_span_id VARCHAR, service VARCHAR NOT NULL,
                name VARCHAR NOT NULL, kind TINYINT NOT NULL, start_ns BIGINT NOT NULL, duration_ns BIGINT NOT NULL,
                status TINYINT NOT NULL, status_message VARCHAR,
                attr_keys VARCHAR[] NOT NULL, attr_values VARCHAR[] NOT NULL, attr_types UTINYINT[] NOT NULL,
                res_keys VARCHAR[] NOT NULL, res_values VARCHAR[] NOT NULL, res_types UTINYINT[] NOT NULL,
                events VARCHAR NOT NULL, links VARCHAR NOT NULL);
            CREATE TABLE trace_index (trace_id VARCHAR NOT NULL, min_start BIGINT NOT NULL, max_start BIGINT NOT NULL);
            CREATE INDEX trace_index_trace_id ON trace_index (trace_id);
            """)),
        (2, "spans numbered in trace-id order per batch with their encoded row, attributes as text, trace_ranges",
            c => DuckDbSchemaV1.CopyToVersion2(c, sql => Execute(c, sql))),
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

        foreach (var (version, description, run) in Migrations.Where(m => m.Version > applied && m.Version <= through))
        {
            using var transaction = connection.BeginTransaction();
            run(connection);
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
