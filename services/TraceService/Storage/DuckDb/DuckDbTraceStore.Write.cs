using AirisEpm.TraceService.Domain;

namespace AirisEpm.TraceService.Storage.DuckDb;

/// <summary>
/// The write path: the batch goes to the store's write-ahead log (<see cref="SpanWriteAhead"/>) and the call returns
/// once it is fsync'd there; so when <see cref="WriteAsync"/> returns, the spans survive a crash (a restart replays
/// the log into DuckDB). The applier writes them to DuckDB behind, in large sorted transactions (<see cref="SpanRowsApply"/>).
/// </summary>
public sealed partial class DuckDbTraceStore
{
    public Task WriteAsync(IReadOnlyList<Span> spans, CancellationToken cancellationToken) =>
        spans.Count == 0 ? Task.CompletedTask : _writeAhead.AppendAsync(spans, cancellationToken);
}
