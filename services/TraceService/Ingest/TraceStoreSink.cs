using AirisEpm.ServiceDefaults.Batching;
using AirisEpm.TraceService.Domain;
using AirisEpm.TraceService.Storage;

namespace AirisEpm.TraceService.Ingest;

/// <summary>
/// The batching writer's batches go to the store in one durable write each; then every <see cref="ISpanBatchObserver"/> sees
/// the batch. An observer's failure is logged and swallowed: the spans are stored, and failing the batch would make the
/// writer store them again.
/// </summary>
public sealed partial class TraceStoreSink(ITraceStore store, IEnumerable<ISpanBatchObserver> observers, ILogger<TraceStoreSink> logger)
    : IBatchSink<Span>
{
    private readonly ISpanBatchObserver[] _observers = [.. observers];

    public async Task WriteBatchAsync(IReadOnlyList<Span> batch, CancellationToken cancellationToken)
    {
        await store.WriteAsync(batch, cancellationToken);
        foreach (var observer in _observers)
        {
            try
            {
                observer.OnDurable(batch);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                ObserverFailed(logger, e, observer.GetType().Name, batch.Count);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "{Observer} failed on a stored batch of {Spans} spans")]
    private static partial void ObserverFailed(ILogger logger, Exception exception, string observer, int spans);
}
