using AirisEpm.TraceService.Analysis.Trees;
using AirisEpm.TraceService.Domain;

namespace AirisEpm.TraceService.Analysis.ClockSkew;

/// <summary>
/// Corrects clock differences between services the way Jaeger's query service does (its
/// <c>adjuster/clockskew.go</c>), with the service name standing in for Jaeger's host key. Walking from
/// each root, a child of another service is on another clock; if it starts before its (already
/// adjusted) parent or ends after it, it is moved: when it is shorter than the parent it is centred
/// in it (the network time split evenly between request and response), otherwise its start is aligned
/// with the parent's (the parent may have timed out, so only "not before the parent" can be said).
/// The shift carries down to the child's subtree, until a span of yet another service measures its
/// own. Asynchronous children (<see cref="SpanRelation.IsAsynchronous"/>) are never measured: a
/// consumer running after its producer ended is not skew. Event times move with their span. The input
/// is not modified; O(n) plus the tree rebuild.
/// </summary>
public static class ClockSkewAdjuster
{
    public static ClockSkewResult Adjust(TraceTree tree, ClockSkewOptions? options = null)
    {
        options ??= ClockSkewOptions.Default;
        var nodes = tree.Nodes;
        var deltas = new long[nodes.Count];
        var origins = new string?[nodes.Count];
        var shifts = new List<SpanShift>();
        var skipped = new List<SpanShift>();

        var stack = new Stack<TraceNode>();
        foreach (var root in tree.Roots)
            stack.Push(root);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            var parent = node.Parent;
            if (parent is not null)
            {
                deltas[node.Index] = deltas[parent.Index];
                origins[node.Index] = origins[parent.Index];
                if (OnOtherClock(parent.Span, node.Span))
                {
                    var delta = MeasureSkew(Shifted(parent.Span, deltas[parent.Index]), node.Span);
                    if (Math.Abs(delta) > options.MaxShiftNs)
                    {
                        skipped.Add(new SpanShift(node.Span.SpanId, delta, node.Span.SpanId));
                        delta = 0;
                    }
                    deltas[node.Index] = delta;
                    origins[node.Index] = delta == 0 ? null : node.Span.SpanId;
                }
                if (deltas[node.Index] != 0)
                    shifts.Add(new SpanShift(node.Span.SpanId, deltas[node.Index], origins[node.Index]!));
            }
            for (var i = node.Children.Count - 1; i >= 0; i--)
                stack.Push(node.Children[i]);
        }

        if (shifts.Count == 0)
            return new ClockSkewResult(nodes.Select(n => n.Span).ToList(), tree, shifts, skipped);
        var spans = nodes.Select(n => Shifted(n.Span, deltas[n.Index])).ToList();
        return new ClockSkewResult(spans, TraceTree.Build(spans), shifts, skipped);
    }

    private static bool OnOtherClock(Span parent, Span child) =>
        !string.Equals(parent.Service, child.Service, StringComparison.Ordinal) && !SpanRelation.IsAsynchronous(parent, child);

    /// <summary>How far the child must move to sit in the parent; 0 when it already fits.</summary>
    internal static long MeasureSkew(Span parent, Span child)
    {
        if (child.DurationNs > parent.DurationNs)
            return child.StartNs < parent.StartNs ? parent.StartNs - child.StartNs : 0;
        if (child.StartNs >= parent.StartNs && child.EndNs <= parent.EndNs)
            return 0;
        var latency = (parent.DurationNs - child.DurationNs) / 2;
        return parent.StartNs + latency - child.StartNs;
    }

    private static Span Shifted(Span span, long delta) => delta == 0
        ? span
        : span with
        {
            StartNs = span.StartNs + delta,
            Events = span.Events.Select(e => e with { TimeNs = e.TimeNs + delta }).ToList(),
        };
}
