using AirisEpm.DuckDbStorage;
using DuckDB.NET.Data;

namespace AirisEpm.TraceService.Storage.DuckDb;

/// <summary>
/// Versioned schema: each migration runs once, in order, in a transaction, and is recorded in
/// <c>schema_migrations</c>. Append new versions; never edit an applied one.
/// <para>
/// <c>spans</c> is appended in arrival order, which is close to start order, so DuckDB's per-row-group min/max
/// (zone maps) on <c>start_ns</c> let a time-bounded scan skip almost every row group. It has no index: an ART
/// index over every span would cost more than the rest of an append. Attributes are three parallel lists
/// (<see cref="AttributeColumns"/>) rather than a MAP because DuckDB.NET's appender writes LIST columns but not
/// MAP ones; <c>values[list_position(keys, $key)] = $value</c> is the same one-lookup equality a MAP gives.
/// Events and links are JSON text (<see cref="SpanJson"/>): never searched, only read back.
/// </para>
/// <para>
/// <c>trace_index</c> has one row per trace per written batch (the batch's earliest and latest start of that
/// trace) and an ART index on the trace id: a batch adds a few dozen index entries, not 512, and a trace lookup
/// finds its time bounds through the index and then scans only the row groups of <c>spans</c> in those bounds.
/// </para>
/// </summary>
internal static class DuckDbTraceSchema
{
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
    ];

    public static void Migrate(DuckDBConnection connection)
    {
        Execute(connection, """
            CREATE TABLE IF NOT EXISTS schema_migrations (
                version INTEGER PRIMARY KEY, description VARCHAR NOT NULL, applied_at TIMESTAMP NOT NULL DEFAULT current_timestamp)
            """);
        using var current = connection.CreateCommand();
        current.CommandText = "SELECT coalesce(max(version), 0) FROM schema_migrations";
        var applied = Convert.ToInt32(current.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);

        foreach (var (version, description, sql) in Migrations.Where(m => m.Version > applied))
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
