using AirisEpm.MetricsService.Protocols.Otlp;
using AirisEpm.Protocols.Otlp.Proto;

namespace AirisEpm.MetricsService.Prometheus.SideData;

/// <summary>
/// Prometheus metadata from an OTLP export: each metric's description as help and its unit, under the family name
/// the samples get (<see cref="OtlpMetricNames"/>: a monotonic sum is a counter ending in <c>_total</c>, a
/// histogram's family is the name its <c>_bucket</c>, <c>_sum</c> and <c>_count</c> series share).
/// </summary>
public static class OtlpMetadata
{
    public static List<MetricMetadata> From(ExportMetricsServiceRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var result = new List<MetricMetadata>();
        foreach (var metric in request.ResourceMetrics.SelectMany(r => r.ScopeMetrics).SelectMany(s => s.Metrics))
        {
            var (type, monotonic, gauge) = metric.DataCase switch
            {
                Metric.DataOneofCase.Gauge => ("gauge", false, true),
                Metric.DataOneofCase.Sum when metric.Sum.IsMonotonic => ("counter", true, false),
                Metric.DataOneofCase.Sum => ("gauge", false, true),
                Metric.DataOneofCase.Histogram or Metric.DataOneofCase.ExponentialHistogram => ("histogram", false, false),
                Metric.DataOneofCase.Summary => ("summary", false, false),
                _ => ("", false, false),
            };
            if (type.Length > 0 && metric.Name.Length > 0)
            {
                result.Add(new MetricMetadata(OtlpMetricNames.Build(metric.Name, metric.Unit, monotonic, gauge), type, metric.Description, metric.Unit));
            }
        }

        return result;
    }
}
