using AirisEpm.TraceService.Domain;

namespace AirisEpm.TraceService.Analysis.Trees;

/// <summary>
/// The spans of one trace as a forest. Children and roots are sorted by start (then span id, so
/// the shape does not depend on arrival order). What real traces contain is handled, not rejected:
/// a span whose parent is missing becomes an extra root (<see cref="Orphans"/>); a second span with
/// an id already seen is kept out of the tree (<see cref="Duplicates"/>, first one wins); a parent
/// cycle (a → b → a, or a span naming itself) is cut at its earliest-starting span, which becomes a
/// root (<see cref="CycleBreaks"/>). Building costs O(n log n) and uses no recursion, so a chain of
/// any depth cannot overflow the stack.
/// </summary>
public sealed class TraceTree
{
    private readonly Dictionary<string, TraceNode> _byId;

    private TraceTree(
        List<TraceNode> nodes, Dictionary<string, TraceNode> byId, List<TraceNode> roots,
        List<TraceNode> orphans, List<TraceNode> cycleBreaks, List<Span> duplicates)
    {
        Nodes = nodes;
        _byId = byId;
        Roots = roots;
        Orphans = orphans;
        CycleBreaks = cycleBreaks;
        Duplicates = duplicates;
    }

    /// <summary>Every span kept in the tree, in input order; <see cref="TraceNode.Index"/> is the position here.</summary>
    public IReadOnlyList<TraceNode> Nodes { get; }

    /// <summary>Spans without a parent id first, then orphans and cycle breaks; each group by start.</summary>
    public IReadOnlyList<TraceNode> Roots { get; }

    /// <summary>Roots whose parent id names a span that is not in the trace.</summary>
    public IReadOnlyList<TraceNode> Orphans { get; }

    /// <summary>Roots made by cutting a parent cycle.</summary>
    public IReadOnlyList<TraceNode> CycleBreaks { get; }

    /// <summary>Spans left out because an earlier span had the same id.</summary>
    public IReadOnlyList<Span> Duplicates { get; }

    public TraceNode? Find(string spanId) => _byId.GetValueOrDefault(spanId);

    public static TraceTree Build(IReadOnlyList<Span> spans)
    {
        var nodes = new List<TraceNode>(spans.Count);
        var byId = new Dictionary<string, TraceNode>(spans.Count, StringComparer.Ordinal);
        var duplicates = new List<Span>();
        foreach (var span in spans)
        {
            var node = new TraceNode(span, nodes.Count);
            if (byId.TryAdd(span.SpanId, node))
                nodes.Add(node);
            else
                duplicates.Add(span);
        }

        var realRoots = new List<TraceNode>();
        var orphans = new List<TraceNode>();
        var cycleBreaks = new List<TraceNode>();
        foreach (var node in nodes)
        {
            var parentId = node.Span.ParentSpanId;
            if (string.IsNullOrEmpty(parentId))
                realRoots.Add(node);
            else if (parentId == node.Span.SpanId)
                cycleBreaks.Add(node);
            else if (byId.TryGetValue(parentId, out var parent))
            {
                node.Parent = parent;
                parent.ChildList.Add(node);
            }
            else
                orphans.Add(node);
        }

        CycleCutter.Cut(nodes, [.. realRoots, .. orphans, .. cycleBreaks], cycleBreaks);

        foreach (var node in nodes)
            node.ChildList.Sort(ByStart);
        realRoots.Sort(ByStart);
        orphans.Sort(ByStart);
        cycleBreaks.Sort(ByStart);
        var roots = new List<TraceNode>(realRoots.Count + orphans.Count + cycleBreaks.Count);
        roots.AddRange(realRoots);
        roots.AddRange(orphans);
        roots.AddRange(cycleBreaks);
        return new TraceTree(nodes, byId, roots, orphans, cycleBreaks, duplicates);
    }

    internal static int ByStart(TraceNode a, TraceNode b)
    {
        var c = a.Span.StartNs.CompareTo(b.Span.StartNs);
        if (c != 0)
            return c;
        c = string.CompareOrdinal(a.Span.SpanId, b.Span.SpanId);
        return c != 0 ? c : a.Index.CompareTo(b.Index);
    }
}
