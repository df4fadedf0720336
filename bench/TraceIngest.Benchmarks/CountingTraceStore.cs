using AirisEpm.TraceService.Domain;
using AirisEpm.TraceService.Storage;
using AirisEpm.TraceService.Storage.DuckDb;

namespace AirisEpm.TraceIngest.Benchmarks;

/// <summary>
/// Stands where the trace store goes and counts writes and spans (spans per write shows the group commit). With no
/// inner store it drops what it is given ("store excluded": the ingest path alone); with one (the DuckDB store) it
/// forwards every call, so an answer still waits for the durable write, and disposes it with itself.
/// </summary>
internal sealed class CountingTraceStore(ITraceStore? inner) : ITraceStore, IDisposable
{
    private long _writes;
    private long _spans;

    public long Writes => Interlocked.Read(ref _writes);

    public long Spans => Interlocked.Read(ref _spans);

    public string Kind => inner is null ? "store excluded (discarding)" : $"store {inner.GetType().Name}";

    /// <summary>Returns once every acknowledged span is in the store's tables (a read waits for that), not only in its log.</summary>
    public async Task SettleAsync()
    {
        while (inner is not null)
        {
            try
            {
                await inner.GetServicesAsync(CancellationToken.None);
                return;
            }
            catch (AirisEpm.ServiceDefaults.Batching.BackpressureException)
            {
                // The backlog took longer than a read waits: ask again.
            }
        }
    }

    /// <summary>DuckDB's own memory by tag; empty when the store is not DuckDB's.</summary>
    public Task<IReadOnlyList<(string Tag, long Bytes)>> DuckDbMemoryAsync() =>
        inner is DuckDbTraceStore duckDb ? duckDb.DuckDbMemoryAsync(CancellationToken.None) : Task.FromResult<IReadOnlyList<(string Tag, long Bytes)>>([]);

    /// <summary>Spans the DuckDB store acknowledged and has not yet applied (in its write-ahead log and in memory); 0 for others.</summary>
    public int PendingSpans => (inner as DuckDbTraceStore)?.PendingSpans ?? 0;

    public void Dispose() => (inner as IDisposable)?.Dispose();

    public Task InitializeAsync(CancellationToken cancellationToken) => inner?.InitializeAsync(cancellationToken) ?? Task.CompletedTask;

    public async Task WriteAsync(IReadOnlyList<Span> spans, CancellationToken cancellationToken)
    {
        if (inner is not null) await inner.WriteAsync(spans, cancellationToken);
        Interlocked.Increment(ref _writes);
        Interlocked.Add(ref _spans, spans.Count);
    }

    public Task PingAsync(CancellationToken cancellationToken) => inner?.PingAsync(cancellationToken) ?? Task.CompletedTask;

    public Task<IReadOnlyList<Span>> GetTraceAsync(string traceId, CancellationToken cancellationToken) => Inner.GetTraceAsync(traceId, cancellationToken);

    public Task<IReadOnlyList<Span>> GetSpansAsync(long startNs, long endNs, string? service, CancellationToken cancellationToken) =>
        Inner.GetSpansAsync(startNs, endNs, service, cancellationToken);

    public Task<IReadOnlyList<TraceSummary>> SearchAsync(TraceQuery query, CancellationToken cancellationToken) => Inner.SearchAsync(query, cancellationToken);

    public Task<IReadOnlyList<string>> GetServicesAsync(CancellationToken cancellationToken) => Inner.GetServicesAsync(cancellationToken);

    public Task<IReadOnlyList<Operation>> GetOperationsAsync(string service, SpanKind? kind, CancellationToken cancellationToken) =>
        Inner.GetOperationsAsync(service, kind, cancellationToken);

    public Task<long> DeleteOlderThanAsync(long cutoffNs, CancellationToken cancellationToken) =>
        inner?.DeleteOlderThanAsync(cutoffNs, cancellationToken) ?? Task.FromResult(0L);

    private ITraceStore Inner => inner ?? throw new NotSupportedException("the discarding store keeps nothing to read");
}
