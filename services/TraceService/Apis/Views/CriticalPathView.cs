using AirisEpm.TraceService.Analysis.ClockSkew;
using AirisEpm.TraceService.Analysis.CriticalPaths;

namespace AirisEpm.TraceService.Apis.Views;

/// <summary>
/// A trace's critical path (<see cref="CriticalPath"/>), computed on the clock-skew-adjusted spans: the segments in time order,
/// each a stretch spent in one span itself, and per span its time on the path and its self time; <see cref="ClockSkew"/> says
/// how the spans were moved first.
/// </summary>
public sealed record CriticalPathView(
    string TraceId, long TotalNs, double TotalMs, IReadOnlyList<PathSegmentView> Segments, IReadOnlyList<SpanTimingView> Spans,
    ClockSkewView ClockSkew)
{
    public static CriticalPathView Of(string traceId, ClockSkewResult adjusted, CriticalPathResult path)
    {
        var spans = adjusted.Tree.Nodes.ToDictionary(n => n.Span.SpanId, n => n.Span, StringComparer.Ordinal);
        var segments = path.Segments.Select(s => new PathSegmentView(s.SpanId, spans[s.SpanId].Service, spans[s.SpanId].Name,
            s.StartNs, s.EndNs, s.DurationNs)).ToList();
        var timings = path.Timings
            .OrderByDescending(t => t.CriticalNs).ThenBy(t => t.Span.StartNs).ThenBy(t => t.Span.SpanId, StringComparer.Ordinal)
            .Select(t => new SpanTimingView(t.Span.SpanId, t.Span.Service, t.Span.Name, t.Span.StartNs, t.Span.DurationNs,
                t.CriticalNs, t.SelfNs, path.TotalNs == 0 ? 0 : (double)t.CriticalNs / path.TotalNs))
            .ToList();
        return new CriticalPathView(traceId, path.TotalNs, path.TotalNs / 1e6, segments, timings, ClockSkewView.Of(adjusted));
    }
}

/// <summary>[StartNs, EndNs) of the critical path spent in the span itself.</summary>
public sealed record PathSegmentView(string SpanId, string Service, string Name, long StartNs, long EndNs, long DurationNs);

/// <summary>A span's time on the critical path, its share of the path (0..1), and its self time; largest critical time first.</summary>
public sealed record SpanTimingView(
    string SpanId, string Service, string Name, long StartNs, long DurationNs, long CriticalNs, long SelfNs, double CriticalShare);
