using AirisEpm.MetricsService.Domain;
using AirisEpm.Protocols.Otlp;
using AirisEpm.Protocols.Otlp.Proto;
using Google.Protobuf.Collections;

namespace AirisEpm.MetricsService.Protocols.Otlp;

/// <summary>OpenTelemetry attributes as Prometheus labels.</summary>
internal static class OtlpAttributes
{
    /// <summary>
    /// Resource attributes as labels, following the Prometheus convention: <c>service.name</c> becomes
    /// <c>service</c> and (with <c>service.namespace</c> as a prefix) <c>job</c>; <c>service.instance.id</c>
    /// becomes <c>instance</c>; every other attribute becomes a label with a sanitised name.
    /// </summary>
    public static Dictionary<string, string> ResourceLabels(RepeatedField<KeyValue>? attributes)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        if (attributes is null)
        {
            return labels;
        }

        string? serviceName = null;
        string? serviceNamespace = null;
        foreach (var attribute in attributes)
        {
            var value = Format(attribute.Value);
            switch (attribute.Key)
            {
                case "service.name":
                    serviceName = value;
                    break;
                case "service.namespace":
                    serviceNamespace = value;
                    break;
                case "service.instance.id":
                    labels["instance"] = value;
                    break;
                default:
                    labels[PrometheusNames.SanitizeLabelName(attribute.Key)] = value;
                    break;
            }
        }

        if (!string.IsNullOrEmpty(serviceName))
        {
            labels["service"] = serviceName;
            labels["job"] = string.IsNullOrEmpty(serviceNamespace) ? serviceName : serviceNamespace + "/" + serviceName;
        }

        return labels;
    }

    /// <summary>Resource labels overlaid with the data point's own attributes (the point wins) and any extra labels.</summary>
    public static LabelSet Merge(Dictionary<string, string> resource, RepeatedField<KeyValue> point, params ReadOnlySpan<Label> extra)
    {
        var merged = new Dictionary<string, string>(resource, StringComparer.Ordinal);
        foreach (var attribute in point)
        {
            merged[PrometheusNames.SanitizeLabelName(attribute.Key)] = Format(attribute.Value);
        }

        foreach (var label in extra)
        {
            merged[label.Name] = label.Value;
        }

        var labels = new List<Label>(merged.Count);
        foreach (var (name, value) in merged)
        {
            if (value.Length > 0)
            {
                labels.Add(new Label(name, value));
            }
        }

        return LabelSet.FromUnsorted([.. labels]);
    }

    public static string Format(AnyValue? value) => OtlpValues.Format(value);
}
