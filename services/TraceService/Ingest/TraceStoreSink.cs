using AirisEpm.ServiceDefaults.Batching;
using AirisEpm.TraceService.Domain;
using AirisEpm.TraceService.Storage;

namespace AirisEpm.TraceService.Ingest;

/// <summary>The batching writer's batches go to the store in one durable write each.</summary>
public sealed class TraceStoreSink(ITraceStore store) : IBatchSink<Span>
{
    public Task WriteBatchAsync(IReadOnlyList<Span> batch, CancellationToken cancellationToken) =>
        store.WriteAsync(batch, cancellationToken);
}
