namespace AirisEpm.MetricsService.Domain;

/// <summary>The kind of a series, as Prometheus and OpenTelemetry name them.</summary>
public enum MetricType
{
    Gauge,
    Counter,
    Histogram,
    Summary,
    Unknown,
}
