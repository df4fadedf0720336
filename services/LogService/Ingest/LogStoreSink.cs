using AirisEpm.LogService.Domain;
using AirisEpm.LogService.Storage;
using AirisEpm.ServiceDefaults.Batching;

namespace AirisEpm.LogService.Ingest;

/// <summary>The batching writer's batches go to the store in one durable append each.</summary>
public sealed class LogStoreSink(ILogStore store) : IBatchSink<LogRecord>
{
    public Task WriteBatchAsync(IReadOnlyList<LogRecord> batch, CancellationToken cancellationToken) =>
        store.AppendAsync(batch, cancellationToken);
}
