namespace AirisEpm.LogService.Parsing;

/// <summary>A validated W3C trace id (32 lowercase hex) and span id (16 lowercase hex); either may be missing.</summary>
public readonly record struct TraceContext(string? TraceId, string? SpanId)
{
    public bool IsEmpty => TraceId is null && SpanId is null;
}
