namespace AirisEpm.MetricsService.Domain;

/// <summary>
/// One sample as every ingest path (JSON, remote_write, OTLP, scraping) produces it.
/// NaN and ±Inf are legal values and are stored as such.
/// </summary>
public sealed record MetricSample(string Name, LabelSet Labels, long TimestampMs, double Value, MetricType Type = MetricType.Gauge)
{
    public long SeriesId => Labels.SeriesId(Name);
}
