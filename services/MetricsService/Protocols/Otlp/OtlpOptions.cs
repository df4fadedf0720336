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
}
