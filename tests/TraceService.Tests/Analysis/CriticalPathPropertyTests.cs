using AirisEpm.TraceService.Analysis.CriticalPaths;
using AirisEpm.TraceService.Analysis.Trees;
using AirisEpm.TraceService.Domain;
using static AirisEpm.TraceService.Tests.Analysis.TestSpans;

namespace AirisEpm.TraceService.Tests.Analysis;

public sealed class CriticalPathPropertyTests
{
    [Fact]
    public void On_random_traces_the_path_tiles_the_root_and_matches_a_plain_recursive_reading_of_jaeger_ui()
    {
        for (var seed = 0; seed < 300; seed++)
        {
            var spans = RandomTraces.Generate(seed, 2 + seed % 60);
            var tree = TraceTree.Build(spans);

            var result = CriticalPath.Compute(tree);

            var root = tree.Roots[0].Span;
            AssertTiles(result.Segments, root.StartNs, root.EndNs);
            Assert.Equal(Reference.Path(spans), Merge(result.Segments));
            Assert.Equal(root.DurationNs, result.Timings.Sum(t => t.CriticalNs));
        }
    }

    [Fact]
    public void A_10_000_span_trace_is_tiled_by_its_path()
    {
        //   s0 |==================================================|   1 ms
        //        10,000 spans below it, each a random earlier span's child; 1 in 10 overflowing or outside
        var spans = RandomTraces.Generate(seed: 42, count: 10_000);
        var tree = TraceTree.Build(spans);

        var result = CriticalPath.Compute(tree);

        AssertTiles(result.Segments, 0, 1_000_000);
        Assert.Equal(10_000, result.Timings.Count);
        Assert.Equal(Reference.Path(spans), Merge(result.Segments));
        Assert.True(result.Segments.Select(s => s.SpanId).Distinct().Count() > 5);
    }

    [Fact]
    public void A_chain_of_50_000_nested_spans_does_not_overflow_the_stack()
    {
        var spans = Enumerable.Range(0, 50_000).Select(i => Make("s" + i, i == 0 ? null : "s" + (i - 1), i, 100_000 - i)).ToList();

        var result = CriticalPath.Compute(TraceTree.Build(spans));

        // down the chain one 1 ns segment per span, the deepest span's 2 ns, then back up one 1 ns segment each
        Assert.Equal(100_000, result.TotalNs);
        Assert.Equal(99_999, result.Segments.Count);
        Assert.Equal(new PathSegment("s49999", 49_999, 50_001), result.Segments[49_999]);
    }

    private static void AssertTiles(IReadOnlyList<PathSegment> segments, long start, long end)
    {
        Assert.Equal(start, segments[0].StartNs);
        for (var i = 1; i < segments.Count; i++)
            Assert.Equal(segments[i - 1].EndNs, segments[i].StartNs);
        Assert.Equal(end, segments[^1].EndNs);
        Assert.All(segments, s => Assert.True(s.EndNs > s.StartNs));
    }

    private static List<(string, long, long)> Merge(IReadOnlyList<PathSegment> segments) =>
        Reference.MergeAdjacent(segments.Select(s => (s.SpanId, s.StartNs, s.EndNs)));

    /// <summary>
    /// Jaeger UI's computeCriticalPath and sanitizeOverFlowingChildren transcribed as directly as
    /// possible (recursive, quadratic), with this repository's two rules added: ends at the cursor count,
    /// and consumers and mostly-after-the-parent children are off the path.
    /// </summary>
    private static class Reference
    {
        public static List<(string, long, long)> Path(List<Span> spans)
        {
            var window = new Dictionary<string, (long Start, long End)>();
            var children = spans.ToDictionary(s => s.SpanId, _ => new List<Span>());
            Sanitize(spans[0], window, children, spans.ToLookup(s => s.ParentSpanId ?? ""));
            var path = new List<(string, long, long)>();
            Walk(spans[0].SpanId, window, children, path, null);
            path.Reverse();
            return MergeAdjacent(path);
        }

        private static void Sanitize(Span root, Dictionary<string, (long, long)> window,
            Dictionary<string, List<Span>> children, ILookup<string, Span> byParent)
        {
            window[root.SpanId] = (root.StartNs, root.EndNs);
            var queue = new Queue<Span>([root]);
            while (queue.TryDequeue(out var parent))
            {
                var (ps, pe) = window[parent.SpanId];
                foreach (var child in byParent[parent.SpanId])
                {
                    if (child.Kind == SpanKind.Consumer && parent.Kind == SpanKind.Producer)
                        continue;
                    if (child.StartNs >= ps ? child.StartNs >= pe : child.EndNs <= ps)
                        continue;
                    var s = Math.Max(child.StartNs, ps);
                    var e = Math.Min(child.EndNs, pe);
                    if (child.EndNs - pe > e - s)
                        continue;
                    window[child.SpanId] = (s, e);
                    children[parent.SpanId].Add(child);
                    queue.Enqueue(child);
                }
            }
        }

        private static void Walk(string id, Dictionary<string, (long Start, long End)> window, Dictionary<string, List<Span>> children,
            List<(string, long, long)> path, long? cursor, HashSet<string>? used = null)
        {
            var (start, end) = window[id];
            var to = cursor ?? end;
            used ??= [];
            Span? last = null;
            foreach (var child in children[id].OrderBy(c => c.StartNs).ThenBy(c => c.SpanId, StringComparer.Ordinal))
            {
                var childEnd = window[child.SpanId].End;
                if (used.Contains(child.SpanId) || childEnd > to)
                    continue;
                if (last is null || childEnd > window[last.SpanId].End)
                    last = child;
            }
            if (last is null)
            {
                Add(path, id, start, to);
                return;
            }
            used.Add(last.SpanId);
            Add(path, id, window[last.SpanId].End, to);
            Walk(last.SpanId, window, children, path, null);
            Walk(id, window, children, path, window[last.SpanId].Start, used);
        }

        private static void Add(List<(string, long, long)> path, string id, long from, long to)
        {
            if (to > from)
                path.Add((id, from, to));
        }

        public static List<(string, long, long)> MergeAdjacent(IEnumerable<(string Id, long Start, long End)> segments)
        {
            var merged = new List<(string Id, long Start, long End)>();
            foreach (var s in segments)
            {
                if (merged.Count > 0 && merged[^1].Id == s.Id && merged[^1].End == s.Start)
                    merged[^1] = (s.Id, merged[^1].Start, s.End);
                else
                    merged.Add(s);
            }
            return merged.Select(m => (m.Id, m.Start, m.End)).ToList();
        }
    }
}
