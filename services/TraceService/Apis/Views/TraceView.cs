using AirisEpm.TraceService.Analysis.ClockSkew;
using AirisEpm.TraceService.Analysis.Trees;

namespace AirisEpm.TraceService.Apis.Views;

/// <summary>
/// One trace, clock skew adjusted: its spans in (adjusted) start order, the tree over them, how skew was adjusted, and
/// the stored spans the tree left out because an earlier span had the same id (Zipkin's shared client/server spans).
/// </summary>
public sealed record TraceView(
    string TraceId, long StartNs, long EndNs, long DurationNs, int SpanCount, IReadOnlyList<string> Services,
    IReadOnlyList<SpanView> Spans, TreeView Tree, ClockSkewView ClockSkew, IReadOnlyList<SpanView> Duplicates)
{
    public static TraceView Of(string traceId, ClockSkewResult adjusted)
    {
        var shifts = adjusted.Shifts.ToDictionary(s => s.SpanId, s => s.DeltaNs, StringComparer.Ordinal);
        var spans = adjusted.Spans.OrderBy(s => s.StartNs).ThenBy(s => s.SpanId, StringComparer.Ordinal)
            .Select(s => SpanView.Of(s, shifts.GetValueOrDefault(s.SpanId))).ToList();
        var start = adjusted.Spans.Min(s => s.StartNs);
        var end = adjusted.Spans.Max(s => s.EndNs);
        var services = adjusted.Spans.Select(s => s.Service).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return new TraceView(traceId, start, end, end - start, spans.Count, services, spans, TreeView.Of(adjusted.Tree),
            ClockSkewView.Of(adjusted), adjusted.Tree.Duplicates.Select(d => SpanView.Of(d)).ToList());
    }
}

/// <summary>
/// The trace as a forest, by span id: <see cref="Roots"/> (spans without a parent, then orphans, then cycle breaks), every
/// span's children in start order, the orphans (their parent is not in the trace) and the cycle breaks (cut from a parent cycle).
/// </summary>
public sealed record TreeView(
    IReadOnlyList<string> Roots, IReadOnlyDictionary<string, IReadOnlyList<string>> Children,
    IReadOnlyList<string> Orphans, IReadOnlyList<string> CycleBreaks)
{
    public static TreeView Of(TraceTree tree) => new(
        Ids(tree.Roots),
        tree.Nodes.ToDictionary(n => n.Span.SpanId, n => Ids(n.Children), StringComparer.Ordinal),
        Ids(tree.Orphans),
        Ids(tree.CycleBreaks));

    private static IReadOnlyList<string> Ids(IEnumerable<TraceNode> nodes) => nodes.Select(n => n.Span.SpanId).ToList();
}
