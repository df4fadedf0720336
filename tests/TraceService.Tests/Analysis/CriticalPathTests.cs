using AirisEpm.TraceService.Analysis.ClockSkew;
using AirisEpm.TraceService.Analysis.CriticalPaths;
using AirisEpm.TraceService.Analysis.Trees;
using AirisEpm.TraceService.Domain;
using static AirisEpm.TraceService.Tests.Analysis.TestSpans;

namespace AirisEpm.TraceService.Tests.Analysis;

/// <summary>Golden critical paths. In each drawing one column is 1 ns and the first column is the earliest start.</summary>
public sealed class CriticalPathTests
{
    private static CriticalPathResult Compute(params Span[] spans) => CriticalPath.Compute(TraceTree.Build(spans));

    private static (string, long, long)[] Path(CriticalPathResult result) =>
        result.Segments.Select(s => (s.SpanId, s.StartNs, s.EndNs)).ToArray();

    [Fact]
    public void Single_span()
    {
        // A |=========|
        var result = Compute(Make("A", null, 0, 10));

        Assert.Equal([("A", 0L, 10L)], Path(result));
        Assert.Equal(new SpanTiming(result.Timings[0].Span, 10, 10), result.For("A"));
    }

    [Fact]
    public void Sequential_children()
    {
        // A |===================|
        // B   |=====|
        // C           |=====|
        var result = Compute(Make("A", null, 0, 20), Make("B", "A", 2, 8), Make("C", "A", 10, 16));

        Assert.Equal([("A", 0L, 2L), ("B", 2L, 8L), ("A", 8L, 10L), ("C", 10L, 16L), ("A", 16L, 20L)], Path(result));
        Assert.Equal((8L, 8L), (result.For("A")!.CriticalNs, result.For("A")!.SelfNs));
        Assert.Equal(6, result.For("B")!.CriticalNs);
    }

    [Fact]
    public void Back_to_back_children_are_both_on_the_path()
    {
        // A |===========|
        // B |=====|
        // C       |=====|
        // B ends exactly where C starts; Jaeger UI's strict "ends before" would give 0..6 to A instead.
        var result = Compute(Make("A", null, 0, 12), Make("B", "A", 0, 6), Make("C", "A", 6, 12));

        Assert.Equal([("B", 0L, 6L), ("C", 6L, 12L)], Path(result));
        Assert.Equal(0, result.For("A")!.CriticalNs);
    }

    [Fact]
    public void Parallel_children_only_the_last_to_finish_counts()
    {
        // A |===================|
        // B   |===========|
        // C     |=====|
        // D       |==========|
        // D finished last; B and C ended after D started, so A was not waiting for them.
        var result = Compute(Make("A", null, 0, 20), Make("B", "A", 2, 14), Make("C", "A", 4, 10), Make("D", "A", 6, 17));

        Assert.Equal([("A", 0L, 6L), ("D", 6L, 17L), ("A", 17L, 20L)], Path(result));
        Assert.Equal(0, result.For("B")!.CriticalNs);
        Assert.Equal(0, result.For("C")!.CriticalNs);
        Assert.Equal(5, result.For("A")!.SelfNs);
    }

    [Fact]
    public void Nested_children()
    {
        // A |=============================|
        // B   |======================|
        // C     |=======|                      child of B
        // D               |=======|            child of B
        // E                |====|              child of D
        var result = Compute(
            Make("A", null, 0, 30), Make("B", "A", 2, 25), Make("C", "B", 4, 12),
            Make("D", "B", 14, 22), Make("E", "D", 15, 20));

        Assert.Equal(
            [("A", 0L, 2L), ("B", 2L, 4L), ("C", 4L, 12L), ("B", 12L, 14L), ("D", 14L, 15L),
             ("E", 15L, 20L), ("D", 20L, 22L), ("B", 22L, 25L), ("A", 25L, 30L)],
            Path(result));
        Assert.Equal((7L, 7L), (result.For("B")!.CriticalNs, result.For("B")!.SelfNs));
        Assert.Equal(30, result.TotalNs);
    }

    [Fact]
    public void Overflowing_children_are_clipped_to_their_parent()
    {
        // A    |===================|
        // B         |==================|          child of A: ends 4 after A, clipped to 8..23
        // C                   |======|            child of B: clipped to B's clipped end, 18..23
        // E |=====|                               child of A: starts 3 before A, clipped to 3..6
        var result = Compute(
            Make("A", null, 3, 23), Make("B", "A", 8, 27), Make("C", "B", 18, 25), Make("E", "A", 0, 6));

        Assert.Equal([("E", 3L, 6L), ("A", 6L, 8L), ("B", 8L, 18L), ("C", 18L, 23L)], Path(result));
        Assert.Equal(20, result.TotalNs);
        Assert.Equal(12, result.For("B")!.SelfNs);
    }

    [Fact]
    public void Children_wholly_outside_their_parent_are_dropped_with_their_subtree()
    {
        // A       |=========|
        // B                   |==|                child of A, starts after A ended
        // F                    ||                 child of B
        // C |====|                                child of A, ended before A started
        // D         |===|                         child of A
        var result = Compute(
            Make("A", null, 6, 16), Make("B", "A", 18, 21), Make("F", "B", 19, 20),
            Make("C", "A", 0, 5), Make("D", "A", 8, 12));

        Assert.Equal([("A", 6L, 8L), ("D", 8L, 12L), ("A", 12L, 16L)], Path(result));
        Assert.All(["B", "F", "C"], id => Assert.Equal(0, result.For(id)!.CriticalNs));
    }

    [Fact]
    public void Asynchronous_children_are_off_the_parents_path()
    {
        // R  |===========|                        server of orders
        // P    |==|                               producer, child of R
        // K                      |==============| consumer (billing), child of P, after R ended
        // K2                       |=======|      child of K
        // L     |=====|                           child of R that links R as FOLLOWS_FROM
        // F          |=====================|      child of R that mostly ran after R returned
        var result = Compute(
            Make("R", null, 0, 12, service: "orders", kind: SpanKind.Server),
            Make("P", "R", 2, 5, service: "orders", kind: SpanKind.Producer),
            Make("K", "P", 20, 35, service: "billing", kind: SpanKind.Consumer),
            Make("K2", "K", 22, 30, service: "billing"),
            Make("L", "R", 3, 9, service: "orders", links: [FollowsFrom("R")]),
            Make("F", "R", 8, 30, service: "orders"));

        Assert.Equal([("R", 0L, 2L), ("P", 2L, 5L), ("R", 5L, 12L)], Path(result));
        Assert.All(["K", "K2", "L", "F"], id => Assert.Equal(0, result.For(id)!.CriticalNs));
        Assert.Equal(7, result.For("K")!.SelfNs);
    }

    [Fact]
    public void A_consumer_that_starts_inside_its_producer_is_still_off_the_path()
    {
        // P |=========|                           producer
        // K     |===|                             consumer, child of P
        var result = Compute(
            Make("P", null, 0, 10, kind: SpanKind.Producer), Make("K", "P", 4, 8, service: "b", kind: SpanKind.Consumer));

        Assert.Equal([("P", 0L, 10L)], Path(result));
    }

    [Fact]
    public void A_link_marked_child_of_keeps_the_child_on_the_path()
    {
        var link = new SpanLink(TraceId, "A", new Dictionary<string, AttributeValue> { ["opentracing.ref_type"] = AttributeValue.Of("child_of") });

        var result = Compute(Make("A", null, 0, 10), Make("B", "A", 2, 8, links: [link]));

        Assert.Equal([("A", 0L, 2L), ("B", 2L, 8L), ("A", 8L, 10L)], Path(result));
    }

    [Fact]
    public void A_clock_skewed_child_is_on_the_path_once_adjusted()
    {
        // as reported (S and Q on api's clock, 12 behind web's):
        // C         |===================|         client (web), root
        // S |===========|                         server (api), child of C
        // Q   |=====|                             child of S
        // after ClockSkewAdjuster (S centred in C, Q moved with it):
        // C         |===================|
        // S             |===========|
        // Q               |=====|
        var tree = TraceTree.Build([
            Make("C", null, 8, 28, service: "web", kind: SpanKind.Client),
            Make("S", "C", 0, 12, service: "api", kind: SpanKind.Server),
            Make("Q", "S", 2, 8, service: "api"),
        ]);

        var raw = CriticalPath.Compute(tree);
        var adjusted = CriticalPath.Compute(ClockSkewAdjuster.Adjust(tree).Tree);

        Assert.Equal([("S", 8L, 12L), ("C", 12L, 28L)], Path(raw));
        Assert.Equal([("C", 8L, 12L), ("S", 12L, 14L), ("Q", 14L, 20L), ("S", 20L, 24L), ("C", 24L, 28L)], Path(adjusted));
    }

    [Fact]
    public void Matches_jaeger_uis_own_test_case_2()
    {
        // (1 column = 5 ns)
        // X |===================|                 1..101
        // A   |=======|                           10..50
        // C     |=======|                         20..60
        var result = Compute(Make("X", null, 1, 101), Make("A", "X", 10, 50), Make("C", "X", 20, 60));

        Assert.Equal([("X", 1L, 20L), ("C", 20L, 60L), ("X", 60L, 101L)], Path(result));
    }

    [Fact]
    public void Every_root_has_its_own_path_and_zero_length_spans_add_nothing()
    {
        // A |=====|                               root
        // Z    |                                  zero-length child of A
        // O          |==|                         orphan (its parent is not in the trace)
        var result = Compute(Make("A", null, 0, 6), Make("Z", "A", 3, 3), Make("O", "lost", 9, 12));

        Assert.Equal([("A", 0L, 6L), ("O", 9L, 12L)], Path(result));
        Assert.Equal(0, result.For("Z")!.CriticalNs);
    }
}
