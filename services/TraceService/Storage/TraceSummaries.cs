namespace AirisEpm.TraceService.Storage;

/// <summary>
/// Builds search summaries from the span heads of whole traces, the same way for every store (the rules are
/// on <see cref="TraceSummary"/>). O(n log n) in the spans of the traces.
/// </summary>
public static class TraceSummaries
{
    /// <summary>One summary per trace id of <paramref name="order"/> that has heads, in that order.</summary>
    public static IReadOnlyList<TraceSummary> Build(IEnumerable<SpanHead> heads, IReadOnlyList<string> order)
    {
        var byTrace = SpanCopies.Collapse(heads).GroupBy(h => h.TraceId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        return [.. order.Where(byTrace.ContainsKey).Select(id => Of(id, byTrace[id]))];
    }

    /// <summary>The summary of one trace from its heads, already collapsed and in start order.</summary>
    private static TraceSummary Of(string traceId, List<SpanHead> spans)
    {
        var root = spans.FirstOrDefault(s => s.ParentSpanId is null) ?? spans[0];
        var start = spans[0].StartNs;
        return new TraceSummary(
            traceId,
            root.Service,
            root.Name,
            start,
            spans.Max(s => s.EndNs) - start,
            spans.Count,
            spans.Count(s => s.IsError),
            [.. spans.Select(s => s.Service).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)]);
    }
}
