using AirisEpm.TraceService.Analysis.Trees;
using static AirisEpm.TraceService.Tests.Analysis.TestSpans;

namespace AirisEpm.TraceService.Tests.Analysis;

public sealed class TraceTreeTests
{
    [Fact]
    public void Children_are_sorted_by_start_whatever_the_input_order()
    {
        var tree = TraceTree.Build([Make("c", "a", 30, 40), Make("a", null, 0, 100), Make("b", "a", 10, 20), Make("d", "a", 10, 15)]);

        var root = Assert.Single(tree.Roots);
        Assert.Equal("a", root.Span.SpanId);
        Assert.Equal(["b", "d", "c"], root.Children.Select(c => c.Span.SpanId));
        Assert.All(root.Children, c => Assert.Same(root, c.Parent));
        Assert.Empty(tree.Orphans);
    }

    [Fact]
    public void A_span_whose_parent_is_missing_becomes_an_extra_root_after_the_real_ones()
    {
        var tree = TraceTree.Build([Make("x", "missing", 5, 10), Make("a", null, 20, 30), Make("y", "x", 6, 7)]);

        Assert.Equal(["a", "x"], tree.Roots.Select(r => r.Span.SpanId));
        Assert.Equal("x", Assert.Single(tree.Orphans).Span.SpanId);
        Assert.Equal("y", Assert.Single(tree.Find("x")!.Children).Span.SpanId);
    }

    [Fact]
    public void A_duplicate_span_id_keeps_the_first_span_and_reports_the_second()
    {
        var first = Make("a", null, 0, 10);
        var second = Make("a", null, 50, 60, service: "other");

        var tree = TraceTree.Build([first, Make("b", "a", 1, 2), second]);

        Assert.Equal(2, tree.Nodes.Count);
        Assert.Same(first, tree.Find("a")!.Span);
        Assert.Same(second, Assert.Single(tree.Duplicates));
        Assert.Single(tree.Roots);
    }

    [Fact]
    public void A_two_span_cycle_is_cut_at_its_earliest_span()
    {
        var tree = TraceTree.Build([Make("a", "b", 10, 20), Make("b", "a", 5, 30)]);

        var root = Assert.Single(tree.Roots);
        Assert.Equal("b", root.Span.SpanId);
        Assert.Same(root, Assert.Single(tree.CycleBreaks));
        Assert.Equal("a", Assert.Single(root.Children).Span.SpanId);
    }

    [Fact]
    public void A_span_naming_itself_as_parent_is_a_root()
    {
        var tree = TraceTree.Build([Make("a", "a", 0, 10), Make("b", "a", 1, 2)]);

        Assert.Equal("a", Assert.Single(tree.CycleBreaks).Span.SpanId);
        Assert.Equal("b", Assert.Single(Assert.Single(tree.Roots).Children).Span.SpanId);
    }

    [Fact]
    public void A_cycle_is_cut_on_the_cycle_not_at_an_earlier_span_hanging_below_it()
    {
        // c (earliest) hangs below the cycle a → b → a; cutting c would leave a and b unreachable.
        var tree = TraceTree.Build([Make("a", "b", 10, 20), Make("b", "a", 11, 19), Make("c", "a", 1, 2)]);

        var root = Assert.Single(tree.Roots);
        Assert.Equal("a", root.Span.SpanId);
        Assert.Equal(["c", "b"], root.Children.Select(c => c.Span.SpanId));
    }

    [Fact]
    public void Two_separate_cycles_are_both_cut_and_every_span_is_reachable()
    {
        var tree = TraceTree.Build([
            Make("a", "b", 0, 5), Make("b", "a", 1, 4),
            Make("c", "d", 10, 15), Make("d", "e", 11, 14), Make("e", "c", 12, 13),
            Make("r", null, 0, 100),
        ]);

        Assert.Equal(["r", "a", "c"], tree.Roots.Select(r => r.Span.SpanId));
        Assert.Equal(6, Reachable(tree));
    }

    [Fact]
    public void A_chain_of_200_000_spans_builds_without_recursion()
    {
        var spans = Enumerable.Range(0, 200_000)
            .Select(i => Make("s" + i, i == 0 ? null : "s" + (i - 1), i, 400_000 - i))
            .ToList();

        var tree = TraceTree.Build(spans);

        Assert.Single(tree.Roots);
        Assert.Equal(200_000, Reachable(tree));
    }

    private static int Reachable(TraceTree tree)
    {
        var count = 0;
        var stack = new Stack<TraceNode>(tree.Roots);
        while (stack.TryPop(out var node))
        {
            count++;
            foreach (var child in node.Children)
                stack.Push(child);
        }
        return count;
    }
}
