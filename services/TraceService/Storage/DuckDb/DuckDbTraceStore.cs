using System.Globalization;
using AirisEpm.DuckDbStorage;
using AirisEpm.TraceService.Domain;
using DuckDB.NET.Data;

namespace AirisEpm.TraceService.Storage.DuckDb;

/// <summary>
/// The embedded store: one DuckDB file (schema and its reasons in <see cref="DuckDbTraceSchema"/>). Writes go
/// through its one writer connection (<see cref="DuckDbWriter"/>: the batching writer serialises them anyway); reads
/// take a pooled connection on the same database instance (<see cref="DuckDbReadConnections"/>) and run beside writes
/// under DuckDB's MVCC, each statement seeing the latest committed data.
/// </summary>
public sealed partial class DuckDbTraceStore : ITraceStore, IDisposable
{
    private readonly DuckDbWriter _writer;
    private readonly DuckDbReadConnections _readers;

    /// <param name="path">The database file; its folder is created when missing.</param>
    public DuckDbTraceStore(string path)
    {
        _writer = new DuckDbWriter(path, "trace");
        _readers = new DuckDbReadConnections(_writer.ConnectionString);
    }

    public Task InitializeAsync(CancellationToken cancellationToken) => _writer.InitializeAsync(DuckDbTraceSchema.Migrate, cancellationToken);

    /// <summary>
    /// Two statements: the trace's time bounds from <c>trace_index</c> (an ART index lookup), then the spans of
    /// that trace inside those bounds, given as literals so DuckDB skips every row group outside them.
    /// </summary>
    public async Task<IReadOnlyList<Span>> GetTraceAsync(string traceId, CancellationToken cancellationToken)
    {
        var bounds = await BoundsAsync([traceId], cancellationToken);
        if (!bounds.TryGetValue(traceId, out var b))
        {
            return [];
        }

        var spans = new List<Span>();
        await _readers.ReadAsync(
            Sql($"SELECT {DuckDbSpanRows.SpanColumns} FROM spans WHERE start_ns >= {b.Min} AND start_ns <= {b.Max} AND trace_id = $id"),
            c => c.Parameters.Add(new DuckDBParameter("id", traceId)),
            r => spans.Add(DuckDbSpanRows.ReadSpan(r)),
            cancellationToken);
        return SpanCopies.Collapse(spans);
    }

    public async Task<IReadOnlyList<Span>> GetSpansAsync(long startNs, long endNs, string? service, CancellationToken cancellationToken)
    {
        var spans = new List<Span>();
        await _readers.ReadAsync(
            Sql($"SELECT {DuckDbSpanRows.SpanColumns} FROM spans WHERE start_ns >= {startNs} AND start_ns < {endNs}") + (service is null ? "" : " AND service = $service"),
            c => { if (service is not null) { c.Parameters.Add(new DuckDBParameter("service", service)); } },
            r => spans.Add(DuckDbSpanRows.ReadSpan(r)),
            cancellationToken);
        return SpanCopies.Collapse(spans);
    }

    public async Task<IReadOnlyList<string>> GetServicesAsync(CancellationToken cancellationToken)
    {
        var services = new List<string>();
        await _readers.ReadAsync("SELECT DISTINCT service FROM spans ORDER BY service", null, r => services.Add(r.GetString(0)), cancellationToken);
        return services;
    }

    public async Task<IReadOnlyList<Operation>> GetOperationsAsync(string service, SpanKind? kind, CancellationToken cancellationToken)
    {
        var operations = new List<Operation>();
        await _readers.ReadAsync(
            "SELECT DISTINCT name, kind FROM spans WHERE service = $service" + (kind is null ? "" : " AND kind = $kind") + " ORDER BY name, kind",
            c =>
            {
                c.Parameters.Add(new DuckDBParameter("service", service));
                if (kind is { } k)
                {
                    c.Parameters.Add(new DuckDBParameter("kind", (sbyte)k));
                }
            },
            r => operations.Add(new Operation(r.GetString(0), (SpanKind)r.GetFieldValue<sbyte>(1))),
            cancellationToken);
        return operations;
    }

    /// <summary>
    /// Deletes from <c>spans</c> by start and from <c>trace_index</c> the rows whose latest start is older too; a
    /// row of a trace that straddles the cutoff stays and only widens that trace's lookup bounds.
    /// </summary>
    public Task<long> DeleteOlderThanAsync(long cutoffNs, CancellationToken cancellationToken) =>
        _writer.WriteAsync(connection =>
        {
            using var transaction = connection.BeginTransaction();
            long deleted = DuckDbWriter.Execute(connection, Sql($"DELETE FROM spans WHERE start_ns < {cutoffNs}"));
            DuckDbWriter.Execute(connection, Sql($"DELETE FROM trace_index WHERE max_start < {cutoffNs}"));
            transaction.Commit();
            return deleted;
        }, cancellationToken);

    public Task PingAsync(CancellationToken cancellationToken) =>
        _readers.ReadAsync("SELECT max(version) FROM schema_migrations", null, _ => { }, cancellationToken);

    public void Dispose()
    {
        _readers.Dispose();
        _writer.Dispose();
    }

    /// <summary>The earliest and latest span start of each known trace among <paramref name="traceIds"/>.</summary>
    private async Task<Dictionary<string, (long Min, long Max)>> BoundsAsync(IReadOnlyList<string> traceIds, CancellationToken cancellationToken)
    {
        var bounds = new Dictionary<string, (long Min, long Max)>(StringComparer.Ordinal);
        var list = string.Join(", ", traceIds.Select((_, i) => $"$t{i}"));
        await _readers.ReadAsync(
            $"SELECT trace_id, min(min_start), max(max_start) FROM trace_index WHERE trace_id IN ({list}) GROUP BY trace_id",
            c => { for (var i = 0; i < traceIds.Count; i++) { c.Parameters.Add(new DuckDBParameter($"t{i}", traceIds[i])); } },
            r => bounds[r.GetString(0)] = (r.GetInt64(1), r.GetInt64(2)),
            cancellationToken);
        return bounds;
    }

    /// <summary>
    /// Times, durations and limits are written into statements as integer literals, not bound as parameters,
    /// so that DuckDB prunes row groups by their min/max before scanning; text always goes in as a parameter.
    /// </summary>
    private static string Sql(FormattableString sql) => sql.ToString(CultureInfo.InvariantCulture);
}
