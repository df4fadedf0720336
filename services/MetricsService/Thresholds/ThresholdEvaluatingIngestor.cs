using AirisEpm.MetricsService.Domain;
using AirisEpm.MetricsService.Ingest;

namespace AirisEpm.MetricsService.Thresholds;

/// <summary>
/// Wraps the real ingestor: once samples are durable they are evaluated against the streaming
/// threshold rules, and any crossing is queued for the publisher. Evaluation never fails ingest.
/// </summary>
public sealed class ThresholdEvaluatingIngestor(IMetricIngestor inner, ThresholdEngine engine, ThresholdPublisher publisher) : IMetricIngestor
{
    public async Task IngestAsync(IReadOnlyList<MetricSample> samples, CancellationToken cancellationToken)
    {
        await inner.IngestAsync(samples, cancellationToken);
        if (engine.Observe(samples).Count > 0)
        {
            publisher.Wake();
        }
    }
}
