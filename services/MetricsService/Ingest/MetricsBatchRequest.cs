using System.Text.Json.Serialization;

namespace AirisEpm.MetricsService.Ingest;

/// <summary>The body of <c>POST /api/v1/metrics</c>.</summary>
public sealed class MetricsBatchRequest
{
    public List<MetricPoint>? Metrics { get; set; }
}

/// <summary>
/// One sample as sent. Value and timestamp are read leniently (see <see cref="FlexibleValue"/> and
/// <see cref="FlexibleTimestamp"/>) so a bad one is reported by index and field instead of failing the whole parse.
/// </summary>
public sealed class MetricPoint
{
    public string? Name { get; set; }

    [JsonConverter(typeof(FlexibleValueConverter))]
    public FlexibleValue Value { get; set; }

    [JsonConverter(typeof(FlexibleTimestampConverter))]
    public FlexibleTimestamp Timestamp { get; set; }

    public Dictionary<string, string>? Labels { get; set; }

    public string? Type { get; set; }
}
