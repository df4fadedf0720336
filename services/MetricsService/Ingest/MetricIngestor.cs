using AirisEpm.MetricsService.Domain;
using AirisEpm.ServiceDefaults.Batching;

namespace AirisEpm.MetricsService.Ingest;

/// <summary>Every ingest path hands its samples to the batching writer, which acknowledges once they are stored.</summary>
public sealed class MetricIngestor(BatchingWriter<MetricSample> writer) : IMetricIngestor
{
    public Task IngestAsync(IReadOnlyList<MetricSample> samples, CancellationToken cancellationToken) =>
        writer.WriteAsync(samples, cancellationToken);
}
