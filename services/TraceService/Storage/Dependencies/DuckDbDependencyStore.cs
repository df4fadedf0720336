using System.Data.Common;
using System.Globalization;
using AirisEpm.DuckDbStorage;
using AirisEpm.TraceService.Analysis.Dependencies;
using AirisEpm.TraceService.Analysis.Graph;
using AirisEpm.TraceService.Analysis.Sketches;
using DuckDB.NET.Data;

namespace AirisEpm.TraceService.Storage.Dependencies;

/// <summary>
/// The embedded dependency store: its own DuckDB file (<c>dependencies.duckdb</c> beside <c>traces.duckdb</c>),
/// so its schema and its writes never contend with the span store's. One table, <c>edge_buckets</c>, appended
/// once a minute in bucket order, so DuckDB's zone maps on <c>bucket_ns</c> skip every row group outside a
/// window. A minute holds one row per active edge (tens to hundreds), so plain inserts in one transaction
/// suffice. Writes go through the file's one writer connection (<see cref="DuckDbWriter"/>); reads take pooled connections (<see cref="DuckDbReadConnections"/>).
/// </summary>
public sealed class DuckDbDependencyStore : IDependencyStore, IDisposable
{
    private const string Columns = "bucket_ns, caller, caller_kind, callee, callee_kind, calls, errors, sketch, exemplar_trace_id, error_trace_id";
    private readonly DuckDbWriter _writer;
    private readonly DuckDbReadConnections _readers;

    /// <param name="path">The database file; its folder is created when missing.</param>
    /// <param name="settings">DuckDB settings of its database instance (the trace store's allocator settings, which are one per process); none when null.</param>
    public DuckDbDependencyStore(string path, IReadOnlyDictionary<string, string>? settings = null)
    {
        _writer = new DuckDbWriter(path, "dependency", settings);
        _readers = new DuckDbReadConnections(_writer.ConnectionString);
    }

    public Task InitializeAsync(CancellationToken cancellationToken) => _writer.InitializeAsync(Migrate, cancellationToken);

    public Task WriteAsync(IReadOnlyList<EdgeBucket> buckets, CancellationToken cancellationToken) =>
        buckets.Count == 0 ? Task.CompletedTask : _writer.WriteAsync(connection =>
        {
            using var transaction = connection.BeginTransaction();
            foreach (var b in buckets)
            {
                using var insert = connection.CreateCommand();
                insert.CommandText = $"INSERT INTO edge_buckets ({Columns}) VALUES ($b, $caller, $ck, $callee, $ek, $calls, $errors, $sketch, $exemplar, $error)";
                insert.Parameters.Add(new DuckDBParameter("b", b.BucketStartNs));
                insert.Parameters.Add(new DuckDBParameter("caller", b.Edge.From));
                insert.Parameters.Add(new DuckDBParameter("ck", (sbyte)b.FromKind));
                insert.Parameters.Add(new DuckDBParameter("callee", b.Edge.To));
                insert.Parameters.Add(new DuckDBParameter("ek", (sbyte)b.ToKind));
                insert.Parameters.Add(new DuckDBParameter("calls", b.Stats.Calls));
                insert.Parameters.Add(new DuckDBParameter("errors", b.Stats.Errors));
                insert.Parameters.Add(new DuckDBParameter("sketch", b.Stats.Latency.ToBytes()));
                insert.Parameters.Add(new DuckDBParameter("exemplar", (object?)b.Stats.ExemplarTraceId ?? DBNull.Value));
                insert.Parameters.Add(new DuckDBParameter("error", (object?)b.Stats.ErrorTraceId ?? DBNull.Value));
                insert.ExecuteNonQuery();
            }
            transaction.Commit();
        }, cancellationToken);

    public async Task<IReadOnlyList<EdgeBucket>> ReadAsync(long fromNs, long toNs, CancellationToken cancellationToken)
    {
        var rows = new List<EdgeBucket>();
        await _readers.ReadAsync(
            string.Create(CultureInfo.InvariantCulture, $"SELECT {Columns} FROM edge_buckets WHERE bucket_ns >= {fromNs} AND bucket_ns < {toNs} ORDER BY bucket_ns, caller, callee"),
            null, r => rows.Add(Read(r)), cancellationToken);
        return rows;
    }

    public Task<long> DeleteOlderThanAsync(long cutoffNs, CancellationToken cancellationToken) =>
        _writer.WriteAsync(connection => (long)DuckDbWriter.Execute(connection,
            string.Create(CultureInfo.InvariantCulture, $"DELETE FROM edge_buckets WHERE bucket_ns < {cutoffNs}")), cancellationToken);

    public Task PingAsync(CancellationToken cancellationToken) =>
        _readers.ReadAsync("SELECT max(version) FROM schema_migrations", null, _ => { }, cancellationToken);

    public void Dispose()
    {
        _readers.Dispose();
        _writer.Dispose();
    }

    private static void Migrate(DuckDBConnection connection)
    {
        DuckDbWriter.Execute(connection, """
            CREATE TABLE IF NOT EXISTS schema_migrations (
                version INTEGER PRIMARY KEY, description VARCHAR NOT NULL, applied_at TIMESTAMP NOT NULL DEFAULT current_timestamp)
            """);
        using var transaction = connection.BeginTransaction();
        DuckDbWriter.Execute(connection, """
            CREATE TABLE IF NOT EXISTS edge_buckets (
                bucket_ns BIGINT NOT NULL, caller VARCHAR NOT NULL, caller_kind TINYINT NOT NULL, callee VARCHAR NOT NULL,
                callee_kind TINYINT NOT NULL, calls BIGINT NOT NULL, errors BIGINT NOT NULL, sketch BLOB NOT NULL,
                exemplar_trace_id VARCHAR, error_trace_id VARCHAR);
            INSERT INTO schema_migrations (version, description) VALUES (1, 'edge buckets') ON CONFLICT DO NOTHING;
            """);
        transaction.Commit();
    }

    private static EdgeBucket Read(DbDataReader r)
    {
        using var sketch = r.GetStream(7);
        using var copy = new MemoryStream();
        sketch.CopyTo(copy);
        var stats = BucketStats.Restore(r.GetInt64(5), r.GetInt64(6), LatencySketch.FromBytes(copy.ToArray()),
            r.IsDBNull(8) ? null : r.GetString(8), r.IsDBNull(9) ? null : r.GetString(9));
        return new EdgeBucket(r.GetInt64(0), new EdgeKey(r.GetString(1), r.GetString(3)),
            (TargetKind)r.GetFieldValue<sbyte>(2), (TargetKind)r.GetFieldValue<sbyte>(4), stats);
    }
}
