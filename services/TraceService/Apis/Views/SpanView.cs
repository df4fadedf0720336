using AirisEpm.ServiceDefaults.Text;
using AirisEpm.TraceService.Domain;

namespace AirisEpm.TraceService.Apis.Views;

/// <summary>
/// Every field of a stored span. Times are Unix ns with the RFC 3339 form beside the start; <see cref="SkewNs"/> is how far
/// clock-skew adjustment moved it (start and event times here are the moved ones; subtract it for the recorded ones).
/// Kind and status are OTLP's names in lower case (<c>server</c>, <c>error</c>, …).
/// </summary>
public sealed record SpanView(
    string TraceId, string SpanId, string? ParentSpanId, string Service, string Name, string Kind,
    string Start, long StartNs, long EndNs, long DurationNs, double DurationMs, long SkewNs,
    string Status, string? StatusMessage,
    IReadOnlyDictionary<string, AttributeView> Attributes, IReadOnlyDictionary<string, AttributeView> Resource,
    IReadOnlyList<SpanEventView> Events, IReadOnlyList<SpanLinkView> Links)
{
    public static SpanView Of(Span span, long skewNs = 0) => new(
        span.TraceId, span.SpanId, span.ParentSpanId, span.Service, span.Name, KindName(span.Kind),
        UnixTime.FormatRfc3339(span.StartNs), span.StartNs, span.EndNs, span.DurationNs, span.DurationNs / 1e6, skewNs,
        StatusName(span.Status), span.StatusMessage,
        AttributeView.Map(span.Attributes), AttributeView.Map(span.Resource),
        span.Events.Select(e => new SpanEventView(e.Name, UnixTime.FormatRfc3339(e.TimeNs), e.TimeNs, AttributeView.Map(e.Attributes))).ToList(),
        span.Links.Select(l => new SpanLinkView(l.TraceId, l.SpanId, AttributeView.Map(l.Attributes))).ToList());

    public static string KindName(SpanKind kind) => kind switch
    {
        SpanKind.Internal => "internal",
        SpanKind.Server => "server",
        SpanKind.Client => "client",
        SpanKind.Producer => "producer",
        SpanKind.Consumer => "consumer",
        _ => "unspecified",
    };

    public static string StatusName(SpanStatus status) => status switch
    {
        SpanStatus.Ok => "ok",
        SpanStatus.Error => "error",
        _ => "unset",
    };
}

public sealed record SpanEventView(string Name, string Time, long TimeNs, IReadOnlyDictionary<string, AttributeView> Attributes);

public sealed record SpanLinkView(string TraceId, string SpanId, IReadOnlyDictionary<string, AttributeView> Attributes);
