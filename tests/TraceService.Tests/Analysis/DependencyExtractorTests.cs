using AirisEpm.TraceService.Analysis.Dependencies;
using AirisEpm.TraceService.Domain;
using static AirisEpm.TraceService.Tests.Analysis.TestSpans;

namespace AirisEpm.TraceService.Tests.Analysis;

public sealed class DependencyExtractorTests
{
    private const long Second = 1_000_000_000;

    private static Span Client(string id, string? parent, string service, long start, long end, Dictionary<string, string>? attributes = null, SpanStatus status = SpanStatus.Unset) =>
        Make(id, parent, start, end, service: service, kind: SpanKind.Client, attributes: attributes, status: status);

    private static Span Server(string id, string parent, string service, long start, long end, SpanStatus status = SpanStatus.Unset) =>
        Make(id, parent, start, end, service: service, kind: SpanKind.Server, status: status);

    [Fact]
    public void A_client_and_its_server_in_one_batch_make_one_call_with_the_servers_duration()
    {
        var extractor = new DependencyExtractor();

        var calls = extractor.Observe([Client("c", "root", "web", 100, 180), Server("s", "c", "api", 110, 170)], nowNs: 0);

        Assert.Equal([new ServiceCall("web", "api", TargetKind.Service, 60, false, TraceId, 100)], calls);
        Assert.Equal(1, extractor.Stats.Matched);
    }

    [Fact]
    public void A_server_arriving_a_batch_before_its_client_is_paired_when_the_client_arrives()
    {
        var extractor = new DependencyExtractor();

        Assert.Empty(extractor.Observe([Server("s", "c", "api", 110, 170)], nowNs: 0));
        var calls = extractor.Observe([Client("c", null, "web", 100, 180)], nowNs: 5 * Second);

        Assert.Equal(("web", "api"), (Assert.Single(calls).From, calls[0].To));
        Assert.Empty(extractor.Flush(nowNs: 60 * Second));
    }

    [Fact]
    public void A_producer_and_its_consumer_in_separate_batches_make_a_call()
    {
        var extractor = new DependencyExtractor();

        extractor.Observe([Make("p", null, 0, 5, service: "orders", kind: SpanKind.Producer,
            attributes: new Dictionary<string, string> { ["messaging.system"] = "kafka", ["messaging.destination.name"] = "payments" })], 0);
        var calls = extractor.Observe([Make("k", "p", 900, 950, service: "billing", kind: SpanKind.Consumer)], 2 * Second);

        Assert.Equal(new ServiceCall("orders", "billing", TargetKind.Service, 50, false, TraceId, 0), Assert.Single(calls));
        Assert.Empty(extractor.Flush(60 * Second));
    }

    [Fact]
    public void A_cross_service_child_of_an_internal_span_is_a_call_too()
    {
        var calls = new DependencyExtractor().Observe([Make("i", null, 0, 100, service: "cron"), Server("s", "i", "api", 10, 20)], 0);

        Assert.Equal(("cron", "api"), (Assert.Single(calls).From, calls[0].To));
    }

    [Fact]
    public void A_database_client_without_a_child_becomes_a_virtual_node_once_the_wait_is_over()
    {
        var extractor = new DependencyExtractor();
        var query = Client("q", "s", "api", 200, 230, new() { ["db.system"] = "postgresql", ["db.name"] = "orders" });

        Assert.Empty(extractor.Observe([query], nowNs: 0));
        Assert.Empty(extractor.Flush(nowNs: 29 * Second));
        var calls = extractor.Flush(nowNs: 30 * Second);

        Assert.Equal([new ServiceCall("api", "postgresql/orders", TargetKind.Database, 30, false, TraceId, 200)], calls);
        Assert.Empty(extractor.Flush(nowNs: 31 * Second));
        Assert.Equal(1, extractor.Stats.Virtual);
    }

    [Fact]
    public void A_client_with_a_child_of_its_own_service_is_not_virtual()
    {
        // a gRPC client span wrapping the HTTP client span that made the call
        var extractor = new DependencyExtractor();
        extractor.Observe([
            Client("outer", null, "api", 0, 100, new() { ["peer.service"] = "billing" }),
            Client("inner", "outer", "api", 5, 95, new() { ["server.address"] = "billing.internal" }),
        ], 0);

        Assert.Equal([new ServiceCall("api", "billing.internal", TargetKind.External, 90, false, TraceId, 5)], extractor.Flush(30 * Second));
    }

    [Fact]
    public void A_child_arriving_after_its_client_was_counted_virtual_is_not_counted_again()
    {
        var extractor = new DependencyExtractor();
        extractor.Observe([Client("c", null, "web", 0, 10, new() { ["peer.service"] = "api" })], 0);
        Assert.Single(extractor.Flush(30 * Second));

        Assert.Empty(extractor.Observe([Server("s", "c", "api", 2, 8)], 31 * Second));

        Assert.Equal((0L, 1L, 1L), (extractor.Stats.Matched, extractor.Stats.Virtual, extractor.Stats.LateChildren));
    }

    [Fact]
    public void A_retransmitted_span_is_ignored()
    {
        var extractor = new DependencyExtractor();
        var client = Client("c", null, "web", 0, 10);
        var server = Server("s", "c", "api", 2, 8);

        var first = extractor.Observe([client, server], 0);
        var again = extractor.Observe([client, server], Second);

        Assert.Single(first);
        Assert.Empty(again);
        Assert.Equal(2, extractor.Stats.Duplicates);
    }

    [Fact]
    public void Spans_are_forgotten_after_the_retention_so_a_very_late_child_finds_no_parent()
    {
        var extractor = new DependencyExtractor(new DependencyExtractorOptions { MatchWaitNs = 10 * Second, RetentionNs = 20 * Second });
        extractor.Observe([Make("p", null, 0, 10, service: "web")], 0);

        Assert.Empty(extractor.Observe([Server("s", "p", "api", 2, 8)], 20 * Second));
        Assert.Equal(1, extractor.Stats.Tracked);
        Assert.Single(extractor.Observe([Make("p2", null, 0, 10, service: "web"), Server("s2", "p2", "api", 2, 8)], 21 * Second));
    }

    [Fact]
    public void At_capacity_the_oldest_span_goes_and_a_client_still_waiting_is_counted_as_evicted()
    {
        var extractor = new DependencyExtractor(new DependencyExtractorOptions { Capacity = 2 });
        extractor.Observe([Client("c", null, "web", 0, 10, new() { ["peer.service"] = "api" })], 0);

        extractor.Observe([Make("x", null, 0, 1, service: "a"), Make("y", null, 0, 1, service: "b")], Second);

        Assert.Empty(extractor.Flush(61 * Second));
        Assert.Equal((1L, 0L), (extractor.Stats.EvictedUndecided, extractor.Stats.Virtual));
        Assert.Equal(0, extractor.Stats.Tracked);
    }

    [Fact]
    public void A_failed_server_or_a_failed_client_makes_the_call_an_error()
    {
        var calls = new DependencyExtractor().Observe([
            Client("c1", null, "web", 0, 10), Server("s1", "c1", "api", 1, 9, SpanStatus.Error),
            Client("c2", null, "web", 0, 10, status: SpanStatus.Error), Server("s2", "c2", "api", 1, 9),
            Client("c3", null, "web", 0, 10), Server("s3", "c3", "api", 1, 9, SpanStatus.Ok),
        ], 0);

        Assert.Equal([true, true, false], calls.Select(c => c.IsError));
    }

    [Fact]
    public void An_unmatched_client_naming_no_peer_is_counted_and_makes_no_call()
    {
        var extractor = new DependencyExtractor();
        extractor.Observe([Client("c", null, "web", 0, 10)], 0);

        Assert.Empty(extractor.Flush(30 * Second));
        Assert.Equal(1, extractor.Stats.UnnamedPeers);
    }

    [Fact]
    public void Retention_shorter_than_the_wait_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            new DependencyExtractor(new DependencyExtractorOptions { MatchWaitNs = 30 * Second, RetentionNs = 10 * Second }));
    }

    [Theory]
    [InlineData("peer.service=billing;db.system=redis", "billing", TargetKind.Database)]
    [InlineData("peer.service=billing", "billing", TargetKind.Service)]
    [InlineData("db.system=postgresql;db.namespace=orders;db.name=old", "postgresql/orders", TargetKind.Database)]
    [InlineData("db.system=redis;server.address=cache", "redis", TargetKind.Database)]
    [InlineData("messaging.system=kafka;messaging.destination.name=payments", "kafka/payments", TargetKind.Queue)]
    [InlineData("messaging.system=rabbitmq;messaging.destination=jobs", "rabbitmq/jobs", TargetKind.Queue)]
    [InlineData("server.address=api.stripe.com;net.peer.name=old", "api.stripe.com", TargetKind.External)]
    [InlineData("net.peer.name=legacy.host", "legacy.host", TargetKind.External)]
    [InlineData("http.method=GET", null, TargetKind.Service)]
    public void Peer_names_come_from_the_most_specific_attribute(string attributes, string? name, TargetKind kind)
    {
        var span = Client("c", null, "web", 0, 1, attributes.Split(';').Select(a => a.Split('=')).ToDictionary(a => a[0], a => a[1]));

        var peer = PeerName.Of(span);

        Assert.Equal(name, peer?.Name);
        if (name is not null)
            Assert.Equal(kind, peer!.Value.Kind);
    }

    private static readonly DependencyExtractorOptions Sharing = new() { ShareDelayNs = 5 * Second };

    [Fact]
    public void Sharing_a_caller_without_a_child_here_is_handed_off_at_the_end_of_its_wait_not_counted_virtual()
    {
        var extractor = new DependencyExtractor(Sharing);
        Assert.Empty(extractor.Observe([Client("c", "root", "web", 100, 180, new() { ["peer.service"] = "api" })], 0));

        Assert.Empty(extractor.Flush(30 * Second));

        Assert.Equal([new CallerHalf(TraceId, "c", "web", SpanKind.Client, false, 100, 80, "api", TargetKind.Service)], extractor.TakeShared());
        Assert.Empty(extractor.TakeShared());
        Assert.Equal((0L, 1L), (extractor.Stats.Virtual, extractor.Stats.Shared));
    }

    [Fact]
    public void Sharing_a_callee_whose_parent_is_not_here_after_the_delay_is_handed_off_and_a_parent_arriving_later_hands_off_too()
    {
        var extractor = new DependencyExtractor(Sharing);
        extractor.Observe([Server("s", "c", "api", 110, 170)], 0);
        Assert.Empty(extractor.Flush(4 * Second));
        Assert.Empty(extractor.TakeShared());
        extractor.Flush(5 * Second);
        Assert.Equal([new CalleeHalf(TraceId, "c", "s", "api", false, 60)], extractor.TakeShared());

        // The caller turns up here after all: it no longer finds the callee (the shared state has it) and is shared at its wait's end.
        Assert.Empty(extractor.Observe([Client("c", null, "web", 100, 180)], 6 * Second));
        extractor.Flush(36 * Second);
        Assert.IsType<CallerHalf>(Assert.Single(extractor.TakeShared()));
    }

    [Fact]
    public void Sharing_pairs_within_one_replica_stay_local_and_database_calls_stay_virtual()
    {
        var extractor = new DependencyExtractor(Sharing);
        var calls = extractor.Observe([Server("s", "c", "api", 110, 170), Client("c", null, "web", 100, 180),
            Client("q", "s", "api", 120, 130, new() { ["db.system"] = "postgresql" })], 0);
        Assert.Equal(("web", "api"), (Assert.Single(calls).From, calls[0].To));

        var database = Assert.Single(extractor.Flush(30 * Second));
        Assert.Equal(("api", "postgresql", TargetKind.Database), (database.From, database.To, database.ToKind));
        Assert.Empty(extractor.TakeShared());
    }

    [Fact]
    public void Sharing_a_child_arriving_here_after_its_caller_was_shared_is_shared_as_a_callee()
    {
        var extractor = new DependencyExtractor(Sharing);
        extractor.Observe([Client("c", null, "web", 100, 180)], 0);
        extractor.Flush(30 * Second);
        Assert.IsType<CallerHalf>(Assert.Single(extractor.TakeShared()));

        Assert.Empty(extractor.Observe([Server("s", "c", "api", 110, 170)], 31 * Second));
        Assert.Equal([new CalleeHalf(TraceId, "c", "s", "api", false, 60)], extractor.TakeShared());
        Assert.Equal(0, extractor.Stats.LateChildren);
    }

    [Fact]
    public void Callers_pushed_out_by_the_capacity_do_not_stay_queued_for_their_wait()
    {
        var extractor = new DependencyExtractor(new DependencyExtractorOptions { Capacity = 100, ShareDelayNs = Second });
        for (var batch = 0; batch < 30; batch++)
        {
            extractor.Observe(Enumerable.Range(0, 50).SelectMany(i => new[]
            {
                Client($"c{batch}-{i}", null, "web", 0, 10, new() { ["peer.service"] = "pay" }),
                Server($"s{batch}-{i}", $"missing{batch}-{i}", "api", 0, 10),
            }), nowNs: batch);
        }

        var stats = extractor.Stats;
        Assert.Equal(100, stats.Tracked);
        Assert.InRange(stats.Waiting, 1, 100);
        Assert.Equal(1450, stats.EvictedUndecided); // the clients among the 2,900 spans pushed out
    }
}
