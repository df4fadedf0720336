using AirisEpm.ServiceDefaults.Batching;
using AirisEpm.TraceService.Domain;
using AirisEpm.TraceService.Storage;

namespace AirisEpm.TraceService.Ingest;

/// <summary>
/// The batching writer's batches go to the store in one durable write each; once written, each batch is shown
/// to the <see cref="IDurableSpansObserver"/>s (the live dependency graph), never before and never for a failed
/// write, which the writer retries.
/// </summary>
public sealed class TraceStoreSink(ITraceStore store, IEnumerable<IDurableSpansObserver> observers) : IBatchSink<Span>
{
    private readonly IDurableSpansObserver[] _observers = [.. observers];

    public async Task WriteBatchAsync(IReadOnlyList<Span> batch, CancellationToken cancellationToken)
    {
        await store.WriteAsync(batch, cancellationToken);
        foreach (var observer in _observers)
            observer.OnDurable(batch);
    }
}
