namespace AirisEpm.MetricsService.Prometheus.SideData;

/// <summary>
/// What a metric family is, as Prometheus's <c>/api/v1/metadata</c> lists it: its type (Prometheus's names:
/// <c>counter</c>, <c>gauge</c>, <c>histogram</c>, <c>gaugehistogram</c>, <c>summary</c>, <c>info</c>,
/// <c>stateset</c>, <c>unknown</c>), help text and unit. From remote_write's metadata and OTLP's descriptions.
/// </summary>
public sealed record MetricMetadata(string Family, string Type, string Help, string Unit)
{
    /// <summary>remote_write's <c>MetricMetadata.MetricType</c> numbers.</summary>
    public static string TypeName(ulong remoteWriteType) => remoteWriteType switch
    {
        1 => "counter",
        2 => "gauge",
        3 => "histogram",
        4 => "gaugehistogram",
        5 => "summary",
        6 => "info",
        7 => "stateset",
        _ => "unknown",
    };
}
