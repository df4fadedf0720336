using AirisEpm.TraceService.Domain;

namespace AirisEpm.TraceService.Storage;

/// <summary>The fields of a span that a search summary needs, read without its attributes, events and links.</summary>
public sealed record SpanHead(
    string TraceId, string SpanId, string? ParentSpanId, string Service, string Name, SpanKind Kind, long StartNs, long DurationNs, bool IsError)
{
    public long EndNs => StartNs + DurationNs;
}
