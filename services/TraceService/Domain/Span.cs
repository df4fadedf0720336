namespace AirisEpm.TraceService.Domain;

/// <summary>
/// One stored span, in OTLP's model. Ids are lowercase hex (32 digits for a trace, 16 for a span);
/// times are Unix nanoseconds. <see cref="Service"/> is the resource's <c>service.name</c>
/// (Zipkin's <c>localEndpoint.serviceName</c>). A root span has no <see cref="ParentSpanId"/>.
/// </summary>
public sealed record Span(
    string TraceId,
    string SpanId,
    string? ParentSpanId,
    string Service,
    string Name,
    SpanKind Kind,
    long StartNs,
    long DurationNs,
    SpanStatus Status,
    string? StatusMessage,
    IReadOnlyDictionary<string, AttributeValue> Attributes,
    IReadOnlyDictionary<string, AttributeValue> Resource,
    IReadOnlyList<SpanEvent> Events,
    IReadOnlyList<SpanLink> Links)
{
    public long EndNs => StartNs + DurationNs;

    public bool IsError => Status == SpanStatus.Error;
}

/// <summary>A timed event inside a span (OTLP event, Zipkin annotation, Jaeger log).</summary>
public sealed record SpanEvent(long TimeNs, string Name, IReadOnlyDictionary<string, AttributeValue> Attributes);

/// <summary>A link to a span of this or another trace (Jaeger shows it as a FOLLOWS_FROM reference).</summary>
public sealed record SpanLink(string TraceId, string SpanId, IReadOnlyDictionary<string, AttributeValue> Attributes);

/// <summary>OTLP's span kinds, with OTLP's numbers.</summary>
public enum SpanKind
{
    Unspecified = 0,
    Internal = 1,
    Server = 2,
    Client = 3,
    Producer = 4,
    Consumer = 5,
}

/// <summary>OTLP's status codes, with OTLP's numbers.</summary>
public enum SpanStatus
{
    Unset = 0,
    Ok = 1,
    Error = 2,
}
