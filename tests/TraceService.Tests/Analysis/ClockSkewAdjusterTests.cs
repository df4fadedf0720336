using AirisEpm.TraceService.Analysis.ClockSkew;
using AirisEpm.TraceService.Analysis.Trees;
using AirisEpm.TraceService.Domain;
using static AirisEpm.TraceService.Tests.Analysis.TestSpans;

namespace AirisEpm.TraceService.Tests.Analysis;

public sealed class ClockSkewAdjusterTests
{
    private static ClockSkewResult Adjust(params Span[] spans) => ClockSkewAdjuster.Adjust(TraceTree.Build(spans));

    private static Span After(ClockSkewResult result, string id) => result.Tree.Find(id)!.Span;

    [Fact]
    public void A_shorter_server_child_starting_before_its_client_parent_is_centred_and_its_subtree_moves_with_it()
    {
        //   client  (web)      |==========|          20..40
        //   server  (api) |======|                   14..26: 8 shorter, so 4 each side → 24..36
        //   db call (api)  |==|                      15..18 → 25..28, moved with its parent
        var result = Adjust(
            Make("client", null, 20, 40, service: "web", kind: SpanKind.Client),
            Make("server", "client", 14, 26, service: "api", kind: SpanKind.Server,
                events: [new SpanEvent(16, "retry", new Dictionary<string, AttributeValue>())]),
            Make("db", "server", 15, 18, service: "api", kind: SpanKind.Client));

        Assert.Equal((24, 36), (After(result, "server").StartNs, After(result, "server").EndNs));
        Assert.Equal(26, Assert.Single(After(result, "server").Events).TimeNs);
        Assert.Equal((25, 28), (After(result, "db").StartNs, After(result, "db").EndNs));
        Assert.Equal(
            [new SpanShift("server", 10, "server"), new SpanShift("db", 10, "server")],
            result.Shifts);
        Assert.True(result.Shifts[0].IsOrigin);
        Assert.False(result.Shifts[1].IsOrigin);
    }

    [Fact]
    public void A_child_ending_after_its_parent_is_centred_too()
    {
        var result = Adjust(Make("p", null, 0, 10, service: "a"), Make("c", "p", 6, 12, service: "b"));

        Assert.Equal((2, 8), (After(result, "c").StartNs, After(result, "c").EndNs));
    }

    [Fact]
    public void A_child_longer_than_its_parent_and_starting_before_it_gets_the_parents_start()
    {
        var result = Adjust(Make("p", null, 100, 110, service: "a"), Make("c", "p", 90, 130, service: "b"));

        Assert.Equal((100, 140), (After(result, "c").StartNs, After(result, "c").EndNs));
    }

    [Fact]
    public void A_child_longer_than_its_parent_that_starts_inside_it_is_left_alone()
    {
        var result = Adjust(Make("p", null, 100, 110, service: "a"), Make("c", "p", 105, 130, service: "b"));

        Assert.Empty(result.Shifts);
    }

    [Fact]
    public void A_child_that_fits_or_shares_the_parents_service_is_not_moved()
    {
        var result = Adjust(
            Make("p", null, 0, 100, service: "a"),
            Make("fits", "p", 10, 20, service: "b"),
            Make("same-clock", "p", -5, 20, service: "a"));

        Assert.Empty(result.Shifts);
        Assert.Equal(-5, After(result, "same-clock").StartNs);
    }

    [Fact]
    public void A_consumer_running_after_its_producer_ended_is_not_skew()
    {
        var result = Adjust(
            Make("send", null, 0, 10, service: "orders", kind: SpanKind.Producer),
            Make("receive", "send", 500, 520, service: "billing", kind: SpanKind.Consumer),
            Make("later", "send", 600, 620, service: "audit", links: [FollowsFrom("send")]));

        Assert.Empty(result.Shifts);
    }

    [Fact]
    public void A_grandchild_of_a_third_service_is_measured_against_its_parents_adjusted_times()
    {
        //   a  |==========|        0..100
        //   b  (raw -50..50) → centred to 25..75 (moved +75)
        //   c  (service c, raw -45..-35): fits the raw b, but b moved, so c is centred in 25..75 → 45..55
        var result = Adjust(
            Make("a", null, 0, 100, service: "a"),
            Make("b", "a", -50, 0, service: "b"),
            Make("c", "b", -45, -35, service: "c"));

        Assert.Equal((25, 75), (After(result, "b").StartNs, After(result, "b").EndNs));
        Assert.Equal((45, 55), (After(result, "c").StartNs, After(result, "c").EndNs));
        Assert.Equal([new SpanShift("b", 75, "b"), new SpanShift("c", 90, "c")], result.Shifts);
    }

    [Fact]
    public void A_shift_beyond_the_limit_is_reported_and_not_applied()
    {
        var tree = TraceTree.Build([Make("p", null, 1_000, 1_010, service: "a"), Make("c", "p", 0, 4, service: "b")]);

        var result = ClockSkewAdjuster.Adjust(tree, new ClockSkewOptions { MaxShiftNs = 100 });

        Assert.Empty(result.Shifts);
        Assert.Equal(new SpanShift("c", 1_003, "c"), Assert.Single(result.Skipped));
        Assert.Equal(0, After(result, "c").StartNs);
    }

    [Fact]
    public void The_input_tree_is_not_modified()
    {
        var tree = TraceTree.Build([Make("p", null, 20, 40, service: "a"), Make("c", "p", 0, 10, service: "b")]);

        var result = ClockSkewAdjuster.Adjust(tree);

        Assert.NotSame(tree, result.Tree);
        Assert.Equal(0, tree.Find("c")!.Span.StartNs);
        Assert.Equal(25, After(result, "c").StartNs);
    }
}
