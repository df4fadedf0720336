using System.ComponentModel.DataAnnotations;

namespace AirisEpm.TraceService.SpanMetrics;

/// <summary>Span metrics written to metrics-service (section <c>Traces:SpanMetrics</c>).</summary>
public sealed class SpanMetricsOptions
{
    public const string Section = "Traces:SpanMetrics";

    public bool Enabled { get; set; } = true;

    /// <summary>The <c>instance</c> label: this replica's name (the pod's, on Kubernetes), so replicas write distinct series.</summary>
    [Required]
    public string Instance { get; set; } = Environment.MachineName;

    /// <summary>How often the cumulative series are written: Prometheus's usual scrape interval, so rate() over 1m has four points.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan FlushInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How long one write to metrics-service may take: under the flush interval, so writes never pile up.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan WriteTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Distinct (service, span name, kind, status) series kept; spans of new series beyond it count in one overflow series per
    /// service, kind and status (<c>span_name="__overflow__"</c>), so a span name with an id in it cannot blow up metrics-service.
    /// Each series costs ~300 B here and 1 + buckets + 2 series there.
    /// </summary>
    [Range(1, 1_000_000)]
    public int MaxSeries { get; set; } = 5_000;

    /// <summary>
    /// Caller → callee edges with their own series (<see cref="ServiceGraphMetrics"/>), 2,000: a map of 50 services with
    /// their databases and queues has a few hundred; calls on new edges beyond it count in one overflow series per caller.
    /// Each edge costs ~300 B here and 3 + buckets + 2 series there.
    /// </summary>
    [Range(1, 1_000_000)]
    public int MaxEdgeSeries { get; set; } = 2_000;

    /// <summary>Histogram bucket bounds in milliseconds: the OpenTelemetry Collector spanmetrics connector's defaults.</summary>
    [MinLength(1)]
    public double[] BucketBoundsMs { get; set; } = [2, 4, 6, 8, 10, 50, 100, 200, 400, 800, 1_000, 1_400, 2_000, 5_000, 10_000, 15_000];
}
