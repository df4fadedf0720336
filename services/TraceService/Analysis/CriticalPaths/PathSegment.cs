namespace AirisEpm.TraceService.Analysis.CriticalPaths;

/// <summary>A stretch of the critical path, [StartNs, EndNs), spent in one span itself.</summary>
public readonly record struct PathSegment(string SpanId, long StartNs, long EndNs)
{
    public long DurationNs => EndNs - StartNs;
}
