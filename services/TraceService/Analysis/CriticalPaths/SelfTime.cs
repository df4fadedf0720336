using AirisEpm.TraceService.Analysis.Trees;

namespace AirisEpm.TraceService.Analysis.CriticalPaths;

/// <summary>A span's duration minus the union of its children's time inside it. O(children) per span: children come sorted by start.</summary>
internal static class SelfTime
{
    public static long Of(TraceNode node)
    {
        var (start, end) = (node.Span.StartNs, node.Span.EndNs);
        long covered = 0;
        var reach = start;
        foreach (var child in node.Children)
        {
            var s = Math.Max(child.Span.StartNs, reach);
            var e = Math.Min(child.Span.EndNs, end);
            if (e > s)
            {
                covered += e - s;
                reach = e;
            }
        }
        return node.Span.DurationNs - covered;
    }
}
