using System.Globalization;
using AirisEpm.DuckDbStorage;
using AirisEpm.TraceService.Domain;
using DuckDB.NET.Data;

namespace AirisEpm.TraceService.Storage.DuckDb;

/// <summary>
/// The embedded store: one DuckDB file (schema and its reasons in <see cref="DuckDbTraceSchema"/>) behind its own
/// write-ahead log (<see cref="SpanWriteAhead"/>: a write is acknowledged once logged and applied to DuckDB in large
/// transactions; every read first waits for the writes acknowledged before it). DuckDB is written through its one
/// writer connection (<see cref="DuckDbWriter"/>); reads take a pooled connection on the same database instance
/// (<see cref="DuckDbReadConnections"/>) and run beside writes under DuckDB's MVCC, each statement seeing the latest
/// committed data.
/// </summary>
public sealed partial class DuckDbTraceStore : ITraceStore, IDisposable
{
    private readonly DuckDbWriter _writer;
    private readonly DuckDbReadConnections _readers;
    private readonly SpanWriteAhead _writeAhead;

    /// <param name="path">The database file; its folder is created when missing, the write-ahead log goes beside it (<c>traces.wal/</c>).</param>
    /// <param name="options">How the log is applied; the defaults when null.</param>
    /// <param name="logger">Where replay and apply failures are told; none when null.</param>
    public DuckDbTraceStore(string path, DuckDbWriteOptions? options = null, ILogger<DuckDbTraceStore>? logger = null)
    {
        options ??= new DuckDbWriteOptions();
        options.Validate();
        _writer = new DuckDbWriter(path, "trace", options.DatabaseSettings());
        _readers = new DuckDbReadConnections(_writer.ConnectionString);
        _writeAhead = new SpanWriteAhead(_writer, Path.ChangeExtension(Path.GetFullPath(path), ".wal"), options,
            (ILogger?)logger ?? Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);
    }

    /// <summary>Spans acknowledged and not yet applied to DuckDB (benchmarks and health read it).</summary>
    public int PendingSpans => _writeAhead.PendingSpans;

    /// <summary>Migrates the schema, replays what a crash left in the write-ahead log, then starts applying it.</summary>
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await _writer.InitializeAsync(DuckDbTraceSchema.Migrate, cancellationToken);
        await _writeAhead.OpenAsync(cancellationToken);
    }

    /// <summary>
    /// Two statements: the trace's <c>seq</c> ranges from <c>trace_ranges</c> (an ART index lookup), then exactly those
    /// rows of <c>spans</c>, the ranges given as literals so DuckDB's zone maps on <c>seq</c> skip everything else, and
    /// only their <c>row</c> column. The trace id is checked on the decoded spans, not by DuckDB (which would open
    /// another column).
    /// </summary>
    public async Task<IReadOnlyList<Span>> GetTraceAsync(string traceId, CancellationToken cancellationToken)
    {
        await _writeAhead.WaitAppliedAsync(cancellationToken);
        var ranges = await RangesAsync([traceId], cancellationToken);
        if (!ranges.TryGetValue(traceId, out var own))
        {
            return [];
        }

        var spans = new List<Span>();
        var texts = new SpanRowTexts();
        await _readers.ReadAsync(InRanges(own), null, r => spans.Add(DuckDbSpanRows.ReadSpan(r, texts)), cancellationToken);
        return SpanCopies.Collapse(spans.Where(s => s.TraceId == traceId));
    }

    public async Task<IReadOnlyList<Span>> GetSpansAsync(long startNs, long endNs, string? service, CancellationToken cancellationToken)
    {
        await _writeAhead.WaitAppliedAsync(cancellationToken);
        var spans = new List<Span>();
        await _readers.ReadAsync(
            Sql($"SELECT {DuckDbSpanRows.Column} FROM spans WHERE start_ns >= {startNs} AND start_ns < {endNs}") + (service is null ? "" : " AND service = $service"),
            c => { if (service is not null) { c.Parameters.Add(new DuckDBParameter("service", service)); } },
            r => spans.Add(DuckDbSpanRows.ReadSpan(r)),
            cancellationToken);
        return SpanCopies.Collapse(spans);
    }

    public async Task<IReadOnlyList<string>> GetServicesAsync(CancellationToken cancellationToken)
    {
        await _writeAhead.WaitAppliedAsync(cancellationToken);
        var services = new List<string>();
        await _readers.ReadAsync("SELECT DISTINCT service FROM spans ORDER BY service", null, r => services.Add(r.GetString(0)), cancellationToken);
        return services;
    }

    public async Task<IReadOnlyList<Operation>> GetOperationsAsync(string service, SpanKind? kind, CancellationToken cancellationToken)
    {
        await _writeAhead.WaitAppliedAsync(cancellationToken);
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
    /// Deletes from <c>spans</c> by start and from <c>trace_ranges</c> the ranges whose latest start is older too; a
    /// range of a trace that straddles the cutoff stays and still finds the trace's younger rows.
    /// </summary>
    public async Task<long> DeleteOlderThanAsync(long cutoffNs, CancellationToken cancellationToken)
    {
        await _writeAhead.WaitAppliedAsync(cancellationToken); // spans acknowledged before the call are deleted too
        return await _writer.WriteAsync(connection =>
        {
            using var transaction = connection.BeginTransaction();
            long deleted = DuckDbWriter.Execute(connection, Sql($"DELETE FROM spans WHERE start_ns < {cutoffNs}"));
            DuckDbWriter.Execute(connection, Sql($"DELETE FROM trace_ranges WHERE max_start < {cutoffNs}"));
            transaction.Commit();
            return deleted;
        }, cancellationToken);
    }

    /// <summary>DuckDB's own memory by tag (<c>duckdb_memory()</c>: buffer pool, appender, index...), in bytes; what benchmarks report beside the process's.</summary>
    internal async Task<IReadOnlyList<(string Tag, long Bytes)>> DuckDbMemoryAsync(CancellationToken cancellationToken)
    {
        var tags = new List<(string Tag, long Bytes)>();
        await _readers.ReadAsync("SELECT tag, memory_usage_bytes FROM duckdb_memory() WHERE memory_usage_bytes > 0 ORDER BY memory_usage_bytes DESC", null,
            r => tags.Add((r.GetString(0), r.GetInt64(1))), cancellationToken);
        return tags;
    }

    public Task PingAsync(CancellationToken cancellationToken) =>
        _readers.ReadAsync("SELECT max(version) FROM schema_migrations", null, _ => { }, cancellationToken);

    /// <summary>Applies what is logged (or leaves it for the next start's replay when DuckDB fails), then closes the file.</summary>
    public void Dispose()
    {
        _writeAhead.Dispose();
        _readers.Dispose();
        _writer.Dispose();
    }

    /// <summary>
    /// The <c>seq</c> ranges of each known trace among <paramref name="traceIds"/>, in order, adjacent ranges merged: one
    /// equality select per id (UNION ALL), since DuckDB answers <c>trace_id = $t</c> from the ART index in a third of the
    /// time it takes for <c>IN (...)</c>.
    /// </summary>
    private async Task<Dictionary<string, List<(long Min, long Max)>>> RangesAsync(IReadOnlyList<string> traceIds, CancellationToken cancellationToken)
    {
        var found = new List<(string Id, long Min, long Max)>();
        await _readers.ReadAsync(
            string.Join(" UNION ALL ", traceIds.Select((_, i) => $"SELECT trace_id, min_seq, max_seq FROM trace_ranges WHERE trace_id = $t{i}")),
            c => { for (var i = 0; i < traceIds.Count; i++) { c.Parameters.Add(new DuckDBParameter($"t{i}", traceIds[i])); } },
            r => found.Add((r.GetString(0), r.GetInt64(1), r.GetInt64(2))),
            cancellationToken);
        var ranges = new Dictionary<string, List<(long Min, long Max)>>(StringComparer.Ordinal);
        foreach (var (id, min, max) in found.OrderBy(f => f.Min))
        {
            if (!ranges.TryGetValue(id, out var own)) ranges[id] = own = [];
            if (own.Count > 0 && own[^1].Max + 1 >= min) own[^1] = (own[^1].Min, Math.Max(own[^1].Max, max));
            else own.Add((min, max));
        }

        return ranges;
    }

    /// <summary>The <c>row</c> column of the given <c>seq</c> ranges: a bounded select per range.</summary>
    private static string InRanges(IEnumerable<(long Min, long Max)> ranges) =>
        string.Join(" UNION ALL ", ranges.Select(r => Sql($"SELECT {DuckDbSpanRows.Column} FROM spans WHERE seq >= {r.Min} AND seq <= {r.Max}")));

    /// <summary>
    /// Times, durations and limits are written into statements as integer literals, not bound as parameters,
    /// so that DuckDB prunes row groups by their min/max before scanning; text always goes in as a parameter.
    /// </summary>
    private static string Sql(FormattableString sql) => sql.ToString(CultureInfo.InvariantCulture);
}
