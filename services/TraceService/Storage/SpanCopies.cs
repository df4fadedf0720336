using AirisEpm.TraceService.Domain;

namespace AirisEpm.TraceService.Storage;

/// <summary>
/// Collapses stored copies of one span (same trace id, span id, kind and service; see <see cref="ITraceStore"/>)
/// to the first one read, then orders by start, trace id and span id (stable: ties keep the order read). Both stores
/// read with it, so they agree. O(n log n) in the spans read, one hash set and one array sort (a LINQ chain of
/// DistinctBy and three sort keys took a third of a 10,000-span lookup).
/// </summary>
public static class SpanCopies
{
    public static IReadOnlyList<Span> Collapse(IEnumerable<Span> spans) =>
        Collapse(spans, s => (s.TraceId, s.SpanId, s.Kind, s.Service), s => (s.StartNs, s.TraceId, s.SpanId));

    public static IReadOnlyList<SpanHead> Collapse(IEnumerable<SpanHead> spans) =>
        Collapse(spans, s => (s.TraceId, s.SpanId, s.Kind, s.Service), s => (s.StartNs, s.TraceId, s.SpanId));

    private static T[] Collapse<T>(IEnumerable<T> spans, Func<T, (string, string, SpanKind, string)> identity, Func<T, (long, string, string)> order)
    {
        var seen = new HashSet<(string, string, SpanKind, string)>();
        var kept = new List<(T Span, long Start, string TraceId, string SpanId, int Read)>();
        foreach (var span in spans)
        {
            if (!seen.Add(identity(span))) continue;
            var (start, traceId, spanId) = order(span);
            kept.Add((span, start, traceId, spanId, kept.Count));
        }

        kept.Sort(static (a, b) =>
        {
            var c = a.Start.CompareTo(b.Start);
            if (c == 0) c = string.CompareOrdinal(a.TraceId, b.TraceId);
            if (c == 0) c = string.CompareOrdinal(a.SpanId, b.SpanId);
            return c != 0 ? c : a.Read.CompareTo(b.Read);
        });
        var result = new T[kept.Count];
        for (var i = 0; i < result.Length; i++) result[i] = kept[i].Span;
        return result;
    }
}
