using AirisEpm.TraceService.Analysis.Trees;

namespace AirisEpm.TraceService.Analysis.CriticalPaths;

/// <summary>
/// For each span, the window [Start, End) it can hold on its parent's critical path, or none. As in
/// Jaeger UI's <c>sanitizeOverFlowingChildren</c>, a child is clipped to its parent's (already clipped)
/// window, and dropped with its subtree when it lies wholly outside it. Beyond Jaeger, a child is also
/// off the path when it is asynchronous (<see cref="SpanRelation.IsAsynchronous"/>) or when more of it
/// ran after its parent ended than inside it: the parent returned without waiting (fire-and-forget).
/// A smaller overflow is taken as the parent having waited, with clocks or reporting a little off.
/// </summary>
internal static class BlockingWindows
{
    public static (long[] Start, long[] End, bool[] Blocking) Compute(TraceTree tree)
    {
        var n = tree.Nodes.Count;
        var start = new long[n];
        var end = new long[n];
        var blocking = new bool[n];
        var stack = new Stack<TraceNode>();
        foreach (var root in tree.Roots)
        {
            start[root.Index] = root.Span.StartNs;
            end[root.Index] = root.Span.EndNs;
            blocking[root.Index] = true;
            stack.Push(root);
        }
        while (stack.Count > 0)
        {
            var parent = stack.Pop();
            foreach (var child in parent.Children)
            {
                var (s, e) = (child.Span.StartNs, child.Span.EndNs);
                var (ps, pe) = (start[parent.Index], end[parent.Index]);
                var outside = s >= ps ? s >= pe : e <= ps;
                if (outside || SpanRelation.IsAsynchronous(parent.Span, child.Span))
                    continue;
                var inside = Math.Min(e, pe) - Math.Max(s, ps);
                if (e - pe > inside)
                    continue;
                start[child.Index] = Math.Max(s, ps);
                end[child.Index] = Math.Min(e, pe);
                blocking[child.Index] = true;
                stack.Push(child);
            }
        }
        return (start, end, blocking);
    }
}
