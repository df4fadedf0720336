using AirisEpm.TraceService.Domain;

namespace AirisEpm.TraceService.Storage;

/// <summary>
/// Collapses stored copies of one span (same trace id, span id, kind and service; see <see cref="ITraceStore"/>)
/// to the first one read, then orders by start, trace id and span id. Both stores read with it, so they agree.
/// O(n log n) in the spans read.
/// </summary>
public static class SpanCopies
{
    public static IReadOnlyList<Span> Collapse(IEnumerable<Span> spans) =>
        [.. spans.DistinctBy(s => (s.TraceId, s.SpanId, s.Kind, s.Service))
            .OrderBy(s => s.StartNs).ThenBy(s => s.TraceId, StringComparer.Ordinal).ThenBy(s => s.SpanId, StringComparer.Ordinal)];

    public static IReadOnlyList<SpanHead> Collapse(IEnumerable<SpanHead> spans) =>
        [.. spans.DistinctBy(s => (s.TraceId, s.SpanId, s.Kind, s.Service))
            .OrderBy(s => s.StartNs).ThenBy(s => s.TraceId, StringComparer.Ordinal).ThenBy(s => s.SpanId, StringComparer.Ordinal)];
}
