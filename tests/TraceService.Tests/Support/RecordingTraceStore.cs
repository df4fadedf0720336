using AirisEpm.TraceService.Domain;
using AirisEpm.TraceService.Storage;

namespace AirisEpm.TraceService.Tests.Support;

/// <summary>
/// The trace store at the edge of the ingest tests: records every write (one list per store call, so
/// group commit is visible), and can fail, or hold writes open, to test backpressure. Reads answer from
/// what was recorded; the Jaeger-style queries belong to the real stores and their conformance suite.
/// </summary>
public sealed class RecordingTraceStore : ITraceStore
{
    private readonly Lock _gate = new();
    private readonly List<IReadOnlyList<Span>> _writes = [];
    private volatile bool _failing;
    private TaskCompletionSource? _hold;
    private int _held;

    public IReadOnlyList<IReadOnlyList<Span>> Writes
    {
        get
        {
            lock (_gate)
            {
                return [.. _writes];
            }
        }
    }

    public IReadOnlyList<Span> Spans => [.. Writes.SelectMany(w => w)];

    /// <summary>Every write throws until <see cref="Recover"/>, as a store that is down.</summary>
    public void Fail() => _failing = true;

    public void Recover() => _failing = false;

    /// <summary>Writes wait until the returned source completes, as a slow store.</summary>
    public TaskCompletionSource Hold() => _hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Writes waiting at the hold now: a test knows the writer has taken a batch into a store write.</summary>
    public int HeldWrites => Volatile.Read(ref _held);

    public Task InitializeAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task WriteAsync(IReadOnlyList<Span> spans, CancellationToken cancellationToken)
    {
        if (_hold is { } hold)
        {
            Interlocked.Increment(ref _held);
            try
            {
                await hold.Task.WaitAsync(cancellationToken);
            }
            finally
            {
                Interlocked.Decrement(ref _held);
            }
        }

        if (_failing) throw new IOException("trace store unavailable");
        lock (_gate)
        {
            _writes.Add([.. spans]);
        }
    }

    public Task<IReadOnlyList<Span>> GetTraceAsync(string traceId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<Span>>([.. Spans.Where(s => s.TraceId == traceId).OrderBy(s => s.StartNs)]);

    public Task<IReadOnlyList<Span>> GetSpansAsync(long startNs, long endNs, string? service, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<Span>>([.. Spans.Where(s => s.StartNs >= startNs && s.StartNs < endNs && (service is null || s.Service == service))]);

    public Task<IReadOnlyList<TraceSummary>> SearchAsync(TraceQuery query, CancellationToken cancellationToken) =>
        throw new NotSupportedException("Search is the real stores' (see their conformance suite); ingest tests read GetTraceAsync.");

    public Task<IReadOnlyList<string>> GetServicesAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<string>>([.. Spans.Select(s => s.Service).Distinct().Order(StringComparer.Ordinal)]);

    public Task<IReadOnlyList<Operation>> GetOperationsAsync(string service, SpanKind? kind, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<Operation>>([.. Spans.Where(s => s.Service == service && (kind is null || s.Kind == kind)).Select(s => new Operation(s.Name, s.Kind)).Distinct()]);

    public Task<long> DeleteOlderThanAsync(long cutoffNs, CancellationToken cancellationToken) =>
        throw new NotSupportedException("Retention is the real stores'.");

    public Task PingAsync(CancellationToken cancellationToken) =>
        _failing ? Task.FromException(new IOException("trace store unavailable")) : Task.CompletedTask;
}
