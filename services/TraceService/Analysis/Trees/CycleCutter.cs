namespace AirisEpm.TraceService.Analysis.Trees;

/// <summary>
/// Finds spans that no root reaches (they sit on, or hang below, a parent cycle) and cuts each cycle
/// at its earliest-starting member, which is detached from its parent and becomes a root. O(n) per cycle.
/// </summary>
internal static class CycleCutter
{
    public static void Cut(List<TraceNode> nodes, IEnumerable<TraceNode> roots, List<TraceNode> cycleBreaks)
    {
        var reached = new bool[nodes.Count];
        var stack = new Stack<TraceNode>();
        foreach (var root in roots)
            MarkSubtree(root, reached, stack);

        var unreached = nodes.Where(n => !reached[n.Index]).ToList();
        if (unreached.Count == 0)
            return;
        unreached.Sort(TraceTree.ByStart);
        var onWalk = new HashSet<TraceNode>();
        foreach (var start in unreached)
        {
            if (reached[start.Index])
                continue;
            var cut = EarliestOnCycleAbove(start, onWalk);
            cut.Parent!.ChildList.Remove(cut);
            cut.Parent = null;
            cycleBreaks.Add(cut);
            MarkSubtree(cut, reached, stack);
        }
    }

    /// <summary>Walks parent links from an unreached span until a span repeats; returns the cycle's earliest member.</summary>
    private static TraceNode EarliestOnCycleAbove(TraceNode start, HashSet<TraceNode> onWalk)
    {
        onWalk.Clear();
        var node = start;
        while (onWalk.Add(node))
            node = node.Parent!;

        var earliest = node;
        for (var member = node.Parent!; member != node; member = member.Parent!)
        {
            if (TraceTree.ByStart(member, earliest) < 0)
                earliest = member;
        }
        return earliest;
    }

    private static void MarkSubtree(TraceNode root, bool[] reached, Stack<TraceNode> stack)
    {
        stack.Push(root);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            if (reached[node.Index])
                continue;
            reached[node.Index] = true;
            foreach (var child in node.ChildList)
                stack.Push(child);
        }
    }
}
