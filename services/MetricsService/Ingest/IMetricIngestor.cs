using AirisEpm.MetricsService.Domain;

namespace AirisEpm.MetricsService.Ingest;

/// <summary>
/// Where every ingest path hands its decoded samples. Returns once they are durable; throws
/// BackpressureException (429/503 with Retry-After) when the store cannot take them now.
/// </summary>
public interface IMetricIngestor
{
    Task IngestAsync(IReadOnlyList<MetricSample> samples, CancellationToken cancellationToken);
}
