using AirisEpm.TraceService.Domain;

namespace AirisEpm.TraceService.Analysis.Trees;

/// <summary>How a child span relates to its parent in time.</summary>
public static class SpanRelation
{
    /// <summary>The attribute Jaeger's OTLP translation puts on a link made from an OpenTracing reference.</summary>
    public const string RefTypeAttribute = "opentracing.ref_type";

    /// <summary>
    /// True when the parent did not wait for the child: a producer → consumer pair (the message is
    /// handled whenever the consumer gets to it, as Jaeger UI's critical path assumes), or a child that
    /// also links its parent as FOLLOWS_FROM (a link to the parent span, unless marked <c>child_of</c>).
    /// </summary>
    public static bool IsAsynchronous(Span parent, Span child)
    {
        if (parent.Kind == SpanKind.Producer && child.Kind == SpanKind.Consumer)
            return true;
        foreach (var link in child.Links)
        {
            if (link.SpanId != parent.SpanId || link.TraceId != parent.TraceId)
                continue;
            if (!link.Attributes.TryGetValue(RefTypeAttribute, out var refType) || refType.Text != "child_of")
                return true;
        }
        return false;
    }
}
