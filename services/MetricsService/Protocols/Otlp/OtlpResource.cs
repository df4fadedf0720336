using AirisEpm.Protocols.Otlp.Proto;
using Google.Protobuf.Collections;

namespace AirisEpm.MetricsService.Protocols.Otlp;

/// <summary>
/// One OTLP resource as labels, after OpenTelemetry's Prometheus compatibility specification (and Prometheus's own OTLP
/// receiver): <c>service.namespace</c>/<c>service.name</c> become <c>job</c> (<c>namespace/name</c>, or the name alone) and
/// <c>service.instance.id</c> becomes <c>instance</c>, on every series; the configured attributes are promoted to labels on
/// every series; all the others (<c>telemetry.sdk.*</c>, <c>host.name</c>, ...) only label the resource's one
/// <c>target_info</c> series, so they never widen a series id.
/// </summary>
internal sealed class OtlpResource
{
    public const string TargetInfoName = "target_info";

    private OtlpResource(Dictionary<string, string> identity, Dictionary<string, string> promoted, Dictionary<string, string>? targetInfo)
    {
        Identity = identity;
        Promoted = promoted;
        TargetInfo = targetInfo;
    }

    /// <summary><c>job</c> and <c>instance</c>, where the resource names them; they win over a point's own attributes.</summary>
    public IReadOnlyDictionary<string, string> Identity { get; }

    /// <summary>The promoted attributes as labels; a point's own attributes of the same name win.</summary>
    public IReadOnlyDictionary<string, string> Promoted { get; }

    /// <summary>The labels of the resource's <c>target_info</c> series (identity and every other attribute), or null when it has no other attribute.</summary>
    public IReadOnlyDictionary<string, string>? TargetInfo { get; }

    public static bool IsIdentifying(string attribute) => attribute is "service.name" or "service.namespace" or "service.instance.id";

    public static OtlpResource From(RepeatedField<KeyValue>? attributes, IReadOnlySet<string> promote)
    {
        string? serviceName = null, serviceNamespace = null, instance = null;
        var others = new List<KeyValue>();
        var promoted = new List<KeyValue>();
        foreach (var attribute in attributes ?? [])
        {
            switch (attribute.Key)
            {
                case "service.name":
                    serviceName = OtlpAttributes.Format(attribute.Value);
                    break;
                case "service.namespace":
                    serviceNamespace = OtlpAttributes.Format(attribute.Value);
                    break;
                case "service.instance.id":
                    instance = OtlpAttributes.Format(attribute.Value);
                    break;
                default:
                    others.Add(attribute);
                    if (promote.Contains(attribute.Key))
                    {
                        promoted.Add(attribute);
                    }

                    break;
            }
        }

        var identity = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!string.IsNullOrEmpty(serviceName))
        {
            identity["job"] = string.IsNullOrEmpty(serviceNamespace) ? serviceName : serviceNamespace + "/" + serviceName;
        }

        if (!string.IsNullOrEmpty(instance))
        {
            identity["instance"] = instance;
        }

        Dictionary<string, string>? targetInfo = null;
        if (others.Count > 0)
        {
            targetInfo = OtlpAttributes.ToLabels(others);
            foreach (var (name, value) in identity)
            {
                targetInfo[name] = value;
            }
        }

        return new OtlpResource(identity, OtlpAttributes.ToLabels(promoted), targetInfo);
    }
}
