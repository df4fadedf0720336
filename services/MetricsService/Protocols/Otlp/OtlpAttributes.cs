using AirisEpm.MetricsService.Domain;
using AirisEpm.Protocols.Otlp;
using AirisEpm.Protocols.Otlp.Proto;

namespace AirisEpm.MetricsService.Protocols.Otlp;

/// <summary>OpenTelemetry attributes as Prometheus labels.</summary>
internal static class OtlpAttributes
{
    /// <summary>
    /// Attributes as labels with sanitised names. Attributes whose names sanitise alike (<c>a.b</c>, <c>a_b</c>) share the
    /// label, their values joined with <c>;</c> in the order of the original keys, as the specification asks.
    /// </summary>
    public static Dictionary<string, string> ToLabels(IEnumerable<KeyValue> attributes)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var attribute in attributes.OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            var name = PrometheusNames.SanitizeLabelName(attribute.Key);
            var value = Format(attribute.Value);
            labels[name] = labels.TryGetValue(name, out var earlier) ? earlier + ";" + value : value;
        }

        return labels;
    }

    /// <summary>
    /// A data point's labels: the resource's promoted attributes, overlaid by the point's own attributes, overlaid by the
    /// resource's job and instance, then any extra labels (<c>le</c>, <c>quantile</c>); empty values are no label.
    /// </summary>
    public static LabelSet Merge(OtlpResource resource, IEnumerable<KeyValue> point, params ReadOnlySpan<Label> extra)
    {
        var merged = ToLabels(point);
        foreach (var (name, value) in resource.Promoted)
        {
            merged.TryAdd(name, value);
        }

        foreach (var (name, value) in resource.Identity)
        {
            merged[name] = value;
        }

        foreach (var label in extra)
        {
            merged[label.Name] = label.Value;
        }

        return NonEmpty(merged);
    }

    /// <summary>The labels whose values are not empty (an empty value means no such label in Prometheus).</summary>
    public static LabelSet NonEmpty(IReadOnlyDictionary<string, string> labels)
    {
        var kept = new List<Label>(labels.Count);
        foreach (var (name, value) in labels)
        {
            if (value.Length > 0)
            {
                kept.Add(new Label(name, value));
            }
        }

        return LabelSet.FromUnsorted([.. kept]);
    }

    public static string Format(AnyValue? value) => OtlpValues.Format(value);
}
