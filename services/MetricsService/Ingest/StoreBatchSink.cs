using AirisEpm.MetricsService.Domain;
using AirisEpm.MetricsService.Storage;
using AirisEpm.ServiceDefaults.Batching;

namespace AirisEpm.MetricsService.Ingest;

/// <summary>Makes a batch durable by writing it to the metric store in one bulk write.</summary>
public sealed class StoreBatchSink(IMetricStore store) : IBatchSink<MetricSample>
{
    public Task WriteBatchAsync(IReadOnlyList<MetricSample> batch, CancellationToken cancellationToken) =>
        store.WriteAsync(batch, cancellationToken);
}
