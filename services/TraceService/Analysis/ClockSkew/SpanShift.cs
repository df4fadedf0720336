namespace AirisEpm.TraceService.Analysis.ClockSkew;

/// <summary>
/// A span moved by <paramref name="DeltaNs"/> (positive: later). <paramref name="OriginSpanId"/> is the
/// span whose misfit with its parent was measured; the other spans of its subtree moved with it.
/// </summary>
public sealed record SpanShift(string SpanId, long DeltaNs, string OriginSpanId)
{
    public bool IsOrigin => SpanId == OriginSpanId;
}
