using AirisEpm.TraceService.Domain;
using AirisEpm.TraceService.Storage;

namespace AirisEpm.TraceIngest.Benchmarks;

/// <summary>
/// Stands where the trace store goes and drops what it is given, counting writes and spans, so the
/// figures are the ingest path alone ("store excluded"); rerun with the DuckDB store once it is merged.
/// </summary>
internal sealed class DiscardingTraceStore : ITraceStore
{
    private long _writes;
    private long _spans;

    public long Writes => Interlocked.Read(ref _writes);

    public long Spans => Interlocked.Read(ref _spans);

    public Task InitializeAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task WriteAsync(IReadOnlyList<Span> spans, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _writes);
        Interlocked.Add(ref _spans, spans.Count);
        return Task.CompletedTask;
    }

    public Task PingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<IReadOnlyList<Span>> GetTraceAsync(string traceId, CancellationToken cancellationToken) => throw Unused();

    public Task<IReadOnlyList<Span>> GetSpansAsync(long startNs, long endNs, string? service, CancellationToken cancellationToken) => throw Unused();

    public Task<IReadOnlyList<TraceSummary>> SearchAsync(TraceQuery query, CancellationToken cancellationToken) => throw Unused();

    public Task<IReadOnlyList<string>> GetServicesAsync(CancellationToken cancellationToken) => throw Unused();

    public Task<IReadOnlyList<Operation>> GetOperationsAsync(string service, SpanKind? kind, CancellationToken cancellationToken) => throw Unused();

    public Task<long> DeleteOlderThanAsync(long cutoffNs, CancellationToken cancellationToken) => throw Unused();

    private static NotSupportedException Unused() => new("the ingest benchmark only writes");
}
