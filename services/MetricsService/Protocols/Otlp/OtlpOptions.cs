using System.ComponentModel.DataAnnotations;

namespace AirisEpm.MetricsService.Protocols.Otlp;

/// <summary>How OTLP resources map to Prometheus series (section <c>Metrics:Protocols:Otlp</c>).</summary>
public sealed class OtlpOptions
{
    public const string Section = ProtocolOptions.Section + ":Otlp";

    /// <summary>
    /// Resource attributes copied as labels onto every series of their resource, as Prometheus's
    /// <c>otlp.promote_resource_attributes</c>. None by default: every other attribute is kept once, on the resource's
    /// <c>target_info</c> series, where a join (<c>* on (job, instance) group_left(...) target_info</c>) finds it. Promote what
    /// dashboards group by on every query, such as <c>deployment.environment</c> or <c>k8s.namespace.name</c>.
    /// </summary>
    public List<string> PromoteResourceAttributes { get; set; } = [];

    /// <summary>
    /// A delta series not seen for this long loses its running total (its next point starts a new one), as the collector's
    /// deltatocumulative <c>max_stale</c>, whose default this is: five minutes outlives every export interval SDKs use.
    /// </summary>
    public TimeSpan DeltaMaxStale { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Delta series accumulated at once, each kind (sums, histograms, exponential histograms) counted together: 100,000 holds a
    /// large fleet's delta sums in tens of megabytes (exponential histograms take up to about 3 KB each); a new series past it is rejected.
    /// </summary>
    [Range(1, 10_000_000)]
    public int MaxDeltaStreams { get; set; } = 100_000;

    /// <summary>
    /// Buckets an exponential histogram point may bring (both signs), each a <c>_bucket</c> series: 320 is the SDKs' default
    /// maximum size, 160 a side.
    /// </summary>
    [Range(1, 10_000)]
    public int MaxExponentialBuckets { get; set; } = 320;
}
