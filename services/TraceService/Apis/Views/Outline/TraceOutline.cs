using AirisEpm.TraceService.Analysis.ClockSkew;
using AirisEpm.TraceService.Analysis.CriticalPaths;
using AirisEpm.TraceService.Analysis.Trees;

namespace AirisEpm.TraceService.Apis.Views.Outline;

/// <summary>
/// The console's shape of one trace, critical path included, built in O(spans + segments): the tree's spans listed
/// depth-first (the waterfall's order, children in start order, roots as <see cref="TraceTree.Roots"/> orders them),
/// so a span's parent is an earlier position (<see cref="Parents"/>, -1 for a root) and its subtree the positions after
/// it. Texts are numbers into <see cref="Strings"/>. Resource attributes, events, links and status messages are left
/// for <c>GET /api/v1/traces/{id}/spans/{spanId}</c>; attributes stay (as text), as the page filters on them.
/// </summary>
internal sealed class TraceOutline
{
    private TraceOutline(ClockSkewResult adjusted, CriticalPathResult path, TraceNode[] order, int[] parents, StringTable strings)
    {
        Adjusted = adjusted;
        Path = path;
        Order = order;
        Parents = parents;
        Strings = strings;
    }

    public ClockSkewResult Adjusted { get; }

    public CriticalPathResult Path { get; }

    /// <summary>The tree's nodes, depth-first.</summary>
    public IReadOnlyList<TraceNode> Order { get; }

    /// <summary>For each position in <see cref="Order"/>, its parent's position, or -1.</summary>
    public IReadOnlyList<int> Parents { get; }

    public StringTable Strings { get; }

    /// <summary>Node index (<see cref="TraceNode.Index"/>) → position in <see cref="Order"/>.</summary>
    public int[] PositionOf { get; private init; } = [];

    public static TraceOutline Of(ClockSkewResult adjusted, CriticalPathResult path)
    {
        var nodes = adjusted.Tree.Nodes;
        var order = new TraceNode[nodes.Count];
        var parents = new int[nodes.Count];
        var positionOf = new int[nodes.Count];
        var count = 0;
        var stack = new Stack<(TraceNode Node, int Parent)>();
        for (var r = adjusted.Tree.Roots.Count - 1; r >= 0; r--) stack.Push((adjusted.Tree.Roots[r], -1));
        while (stack.Count > 0)
        {
            var (node, parent) = stack.Pop();
            positionOf[node.Index] = count;
            parents[count] = parent;
            order[count] = node;
            var self = count++;
            for (var c = node.Children.Count - 1; c >= 0; c--) stack.Push((node.Children[c], self));
        }

        // The tree cuts every cycle, so the walk reaches each node once; fewer would be a broken tree.
        if (count != nodes.Count) throw new InvalidOperationException($"the tree's walk reached {count} of {nodes.Count} spans");
        return new TraceOutline(adjusted, path, order, parents, new StringTable()) { PositionOf = positionOf };
    }
}
