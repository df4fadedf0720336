using AirisEpm.TraceService.Analysis.Trees;

namespace AirisEpm.TraceService.Analysis.CriticalPaths;

/// <summary>
/// The critical path as Jaeger UI defines it (<c>TracePage/CriticalPath</c>): the chain of work that,
/// made shorter, would make the trace shorter. From each root, a cursor starts at the span's end and
/// walks back; the child that finished last, at or before the cursor, is where the span was waiting,
/// so the span's own segment runs from that child's end to the cursor, the walk descends into the
/// child (its cursor at its own end), and on return the cursor sits at the child's start. When no
/// child is left before the cursor, the span's segment runs from its start to the cursor.
/// <code>
///   0    5    10   15   20
///   A |===================|       path: A [0,2) B [2,8) A [8,10) C [10,16) A [16,20)
///   B   |=====|                   C finished last, so A's own time is 16..20; C ran 10..16;
///   C           |=====|           B is the last child to end by 10; the gaps are A's.
///   D       |=====|               D [6,12) ended after C started, so it is off the path.
/// </code>
/// Spans first go through <see cref="BlockingWindows"/>: overflowing children are clipped to the
/// parent, children outside it and asynchronous ones are left off the path. One difference from
/// Jaeger: a child ending exactly at the cursor (back-to-back sequential calls) is taken, where
/// Jaeger's strict "before" would hand that child's time to the parent. Each child is looked at once,
/// so the walk is O(n log n) for the sort by end; it keeps its own stack, never recursing. The input
/// tree is not modified.
/// </summary>
public static class CriticalPath
{
    public static CriticalPathResult Compute(TraceTree tree)
    {
        var (start, end, blocking) = BlockingWindows.Compute(tree);
        var byEnd = ChildrenByEndDescending(tree, end, blocking);
        var critical = new long[tree.Nodes.Count];
        var segments = new List<PathSegment>();
        var stack = new Stack<Frame>();
        foreach (var root in tree.Roots)
        {
            var rootSegments = new List<PathSegment>();
            stack.Push(new Frame(root, end[root.Index]));
            while (stack.Count > 0)
            {
                var frame = stack.Pop();
                var children = byEnd[frame.Node.Index];
                while (frame.Next < children.Length && end[children[frame.Next].Index] > frame.Cursor)
                    frame.Next++;
                if (frame.Next < children.Length)
                {
                    var child = children[frame.Next++];
                    Emit(rootSegments, critical, frame.Node, end[child.Index], frame.Cursor);
                    frame.Cursor = start[child.Index];
                    stack.Push(frame);
                    stack.Push(new Frame(child, end[child.Index]));
                }
                else
                {
                    Emit(rootSegments, critical, frame.Node, start[frame.Node.Index], frame.Cursor);
                }
            }
            rootSegments.Reverse();
            segments.AddRange(rootSegments);
        }

        var timings = tree.Nodes.Select(n => new SpanTiming(n.Span, critical[n.Index], SelfTime.Of(n))).ToList();
        return new CriticalPathResult(segments, timings);
    }

    /// <summary>Adds [from, to) for the span; joins it to the previous segment when that one is the same span and touches it.</summary>
    private static void Emit(List<PathSegment> segments, long[] critical, TraceNode node, long from, long to)
    {
        if (to <= from)
            return;
        critical[node.Index] += to - from;
        var spanId = node.Span.SpanId;
        if (segments.Count > 0 && segments[^1].SpanId == spanId && segments[^1].StartNs == to)
            segments[^1] = segments[^1] with { StartNs = from };
        else
            segments.Add(new PathSegment(spanId, from, to));
    }

    private static TraceNode[][] ChildrenByEndDescending(TraceTree tree, long[] end, bool[] blocking)
    {
        var result = new TraceNode[tree.Nodes.Count][];
        foreach (var node in tree.Nodes)
        {
            var children = node.Children.Where(c => blocking[c.Index]).ToArray();
            // Later end first; among equal ends the earlier start (Jaeger keeps the first child in start order).
            Array.Sort(children, (a, b) =>
            {
                var c = end[b.Index].CompareTo(end[a.Index]);
                return c != 0 ? c : TraceTree.ByStart(a, b);
            });
            result[node.Index] = children;
        }
        return result;
    }

    private sealed class Frame(TraceNode node, long cursor)
    {
        public TraceNode Node { get; } = node;

        public long Cursor { get; set; } = cursor;

        public int Next { get; set; }
    }
}
