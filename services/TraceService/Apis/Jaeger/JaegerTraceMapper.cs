using System.Globalization;
using AirisEpm.TraceService.Domain;

namespace AirisEpm.TraceService.Apis.Jaeger;

/// <summary>
/// Stored spans in Jaeger's JSON model, translated as Jaeger's own OTLP receiver does: the parent becomes a
/// CHILD_OF reference and links FOLLOWS_FROM ones; kind and status become the <c>span.kind</c>,
/// <c>otel.status_code</c>, <c>otel.status_description</c> and <c>error</c> tags; events become logs whose
/// <c>event</c> field is the name; each distinct (service, resource) pair becomes one process, <c>p1</c>, <c>p2</c>, …
/// in order of first appearance, whose tags are the resource attributes other than <c>service.name</c>.
/// </summary>
public static class JaegerTraceMapper
{
    private const long NsPerMicrosecond = 1_000;

    public static JaegerTrace ToTrace(string traceId, IReadOnlyList<Span> spans)
    {
        ArgumentNullException.ThrowIfNull(spans);
        var processIds = new Dictionary<string, string>(StringComparer.Ordinal);
        var processes = new Dictionary<string, JaegerProcess>(StringComparer.Ordinal);
        var jaegerSpans = new List<JaegerSpan>(spans.Count);
        foreach (var span in spans)
        {
            var process = ToProcess(span);
            var key = ProcessKey(process);
            if (!processIds.TryGetValue(key, out var processId))
            {
                processId = "p" + (processIds.Count + 1).ToString(CultureInfo.InvariantCulture);
                processIds.Add(key, processId);
                processes.Add(processId, process);
            }

            jaegerSpans.Add(ToSpan(span, processId));
        }

        return new JaegerTrace(traceId, jaegerSpans, processes, null);
    }

    public static JaegerSpan ToSpan(Span span, string processId)
    {
        ArgumentNullException.ThrowIfNull(span);
        var references = new List<JaegerReference>(span.Links.Count + 1);
        if (span.ParentSpanId is { } parent)
        {
            references.Add(new JaegerReference("CHILD_OF", span.TraceId, parent));
        }

        references.AddRange(span.Links.Select(link => new JaegerReference("FOLLOWS_FROM", link.TraceId, link.SpanId)));
        return new JaegerSpan(
            span.TraceId,
            span.SpanId,
            Flags: 1,
            span.Name,
            references,
            span.StartNs / NsPerMicrosecond,
            span.DurationNs / NsPerMicrosecond,
            Tags(span),
            span.Events.Select(ToLog).ToList(),
            processId,
            null);
    }

    public static string KindName(SpanKind kind) => kind switch
    {
        SpanKind.Internal => "internal",
        SpanKind.Server => "server",
        SpanKind.Client => "client",
        SpanKind.Producer => "producer",
        SpanKind.Consumer => "consumer",
        _ => "",
    };

    public static JaegerKeyValue ToKeyValue(string key, AttributeValue value) => value.Type switch
    {
        AttributeType.Bool => new JaegerKeyValue(key, "bool", value.Text == "true"),
        AttributeType.Int when long.TryParse(value.Text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) => new JaegerKeyValue(key, "int64", i),
        AttributeType.Double when double.TryParse(value.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d) => new JaegerKeyValue(key, "float64", d),
        AttributeType.Bytes => new JaegerKeyValue(key, "binary", value.Text),
        _ => new JaegerKeyValue(key, "string", value.Text),
    };

    private static List<JaegerKeyValue> Tags(Span span)
    {
        var tags = span.Attributes.Select(a => ToKeyValue(a.Key, a.Value)).ToList();
        if (KindName(span.Kind) is { Length: > 0 } kind)
        {
            tags.Add(new JaegerKeyValue("span.kind", "string", kind));
        }

        if (span.Status == SpanStatus.Error)
        {
            tags.Add(new JaegerKeyValue("otel.status_code", "string", "ERROR"));
            tags.Add(new JaegerKeyValue("error", "bool", true));
        }
        else if (span.Status == SpanStatus.Ok)
        {
            tags.Add(new JaegerKeyValue("otel.status_code", "string", "OK"));
        }

        if (!string.IsNullOrEmpty(span.StatusMessage))
        {
            tags.Add(new JaegerKeyValue("otel.status_description", "string", span.StatusMessage));
        }

        return tags;
    }

    private static JaegerLog ToLog(SpanEvent e)
    {
        var fields = new List<JaegerKeyValue>(e.Attributes.Count + 1) { new("event", "string", e.Name) };
        fields.AddRange(e.Attributes.Select(a => ToKeyValue(a.Key, a.Value)));
        return new JaegerLog(e.TimeNs / NsPerMicrosecond, fields);
    }

    private static JaegerProcess ToProcess(Span span) => new(
        span.Service,
        span.Resource.Where(r => r.Key != "service.name").OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => ToKeyValue(r.Key, r.Value)).ToList());

    private static string ProcessKey(JaegerProcess process) =>
        process.ServiceName + "\u0000" + string.Join("\u0000", process.Tags.Select(t => t.Key + "=" + t.Type + ":" + Convert.ToString(t.Value, CultureInfo.InvariantCulture)));
}
