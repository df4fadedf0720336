using AirisEpm.TraceService.Domain;

namespace AirisEpm.TraceService.Analysis.CriticalPaths;

/// <summary>
/// The critical path of a trace: <see cref="Segments"/> ordered by start (one run per root, roots in
/// the tree's order), and a <see cref="SpanTiming"/> for every span of the tree in its node order.
/// </summary>
public sealed class CriticalPathResult
{
    private readonly Dictionary<string, SpanTiming> _bySpanId;

    internal CriticalPathResult(IReadOnlyList<PathSegment> segments, IReadOnlyList<SpanTiming> timings)
    {
        Segments = segments;
        Timings = timings;
        _bySpanId = new Dictionary<string, SpanTiming>(timings.Count, StringComparer.Ordinal);
        foreach (var timing in timings)
            _bySpanId[timing.Span.SpanId] = timing;
        // Summed once: callers read it per span (shares), and a 10,000-span trace has ~20,000 segments.
        TotalNs = segments.Sum(s => s.DurationNs);
    }

    public IReadOnlyList<PathSegment> Segments { get; }

    public IReadOnlyList<SpanTiming> Timings { get; }

    public long TotalNs { get; }

    public SpanTiming? For(string spanId) => _bySpanId.GetValueOrDefault(spanId);

    public IEnumerable<Span> Spans => Timings.Select(t => t.Span);
}
