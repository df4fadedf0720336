using AirisEpm.MetricsService.Domain;

namespace AirisEpm.MetricsService.Ingest;

/// <summary>The types the JSON endpoint accepts; absent means gauge.</summary>
public static class MetricTypes
{
    public static bool TryParse(string? text, out MetricType type)
    {
        type = text?.ToLowerInvariant() switch
        {
            null or "gauge" => MetricType.Gauge,
            "counter" => MetricType.Counter,
            "histogram" => MetricType.Histogram,
            _ => MetricType.Unknown,
        };
        return type != MetricType.Unknown;
    }
}
