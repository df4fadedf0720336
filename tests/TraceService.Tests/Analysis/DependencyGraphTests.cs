using AirisEpm.TraceService.Analysis.Dependencies;
using AirisEpm.TraceService.Analysis.Graph;

namespace AirisEpm.TraceService.Tests.Analysis;

public sealed class DependencyGraphTests
{
    private const long Second = 1_000_000_000;
    private const long Minute = 60 * Second;

    private static ServiceCall Call(string from, string to, long timeNs, long durationNs, bool error = false, TargetKind kind = TargetKind.Service, string trace = "t") =>
        new(from, to, kind, durationNs, error, trace, timeNs);

    [Fact]
    public void Calls_land_in_the_bucket_holding_their_time_and_a_window_merges_the_buckets_starting_in_it()
    {
        var graph = new DependencyGraph();
        graph.Record([
            Call("web", "api", 0, 10_000_000), Call("web", "api", 59 * Second, 20_000_000, error: true, trace: "slow-ish"),
            Call("web", "api", Minute, 30_000_000, trace: "slowest"), Call("web", "api", 2 * Minute, 40_000_000),
        ]);

        var firstMinute = Assert.Single(graph.Window(0, Minute).Edges).Metrics;
        var twoMinutes = Assert.Single(graph.Window(0, 2 * Minute).Edges).Metrics;

        Assert.Equal((2L, 1L, 0.5), (firstMinute.Calls, firstMinute.Errors, firstMinute.ErrorRate));
        Assert.Equal(3, twoMinutes.Calls);
        Assert.Equal(3 / 120.0, twoMinutes.CallsPerSecond, 9);
        Assert.InRange(twoMinutes.P95Ns, 30_000_000 * (1 - 1 / 64.0), 30_000_000 * (1 + 1 / 64.0));
        Assert.Equal("slow-ish", twoMinutes.ExemplarTraceId);
        Assert.Equal(3, graph.Buckets(0, 3 * Minute).Count);
        Assert.Equal(Minute, graph.BucketStart(Minute + 5));
        Assert.Equal(-Minute, graph.BucketStart(-5));
    }

    [Fact]
    public void A_node_is_what_it_received_and_a_caller_only_service_is_still_a_node()
    {
        var graph = new DependencyGraph();
        graph.Record([
            Call("web", "api", 0, 10), Call("cron", "api", 0, 30, error: true),
            Call("api", "postgresql/orders", 0, 5, kind: TargetKind.Database),
        ]);

        var nodes = graph.Window(0, Minute).Nodes.ToDictionary(n => n.Name);

        Assert.Equal(["api", "cron", "postgresql/orders", "web"], nodes.Keys);
        Assert.Equal((2L, 1L, 1L), (nodes["api"].Metrics.Calls, nodes["api"].Metrics.Errors, nodes["api"].OutgoingCalls));
        Assert.Equal((0L, 1L), (nodes["web"].Metrics.Calls, nodes["web"].OutgoingCalls));
        Assert.Equal(TargetKind.Database, nodes["postgresql/orders"].Kind);
        Assert.Equal(30, nodes["api"].Metrics.P99Ns);
    }

    [Fact]
    public void Two_windows_compare_per_edge_and_node_with_new_and_vanished_edges()
    {
        var graph = new DependencyGraph();
        for (var i = 0; i < 60; i++)
        {
            graph.Record(Call("web", "api", i * Second, 10_000_000));
            graph.Record(Call("api", "redis", i * Second, 1_000_000, kind: TargetKind.Database));
        }
        for (var i = 0; i < 240; i++)
        {
            graph.Record(Call("web", "api", Minute + i * Second / 2, 40_000_000, error: i % 4 == 0));
            graph.Record(Call("api", "memcached", Minute + i * Second / 2, 2_000_000, kind: TargetKind.Database));
        }

        var comparison = GraphComparison.Compare(graph.Window(0, Minute), graph.Window(Minute, 3 * Minute));

        var webApi = comparison.For(new EdgeKey("web", "api"))!;
        Assert.Equal(ChangeKind.Compared, webApi.Kind);
        Assert.Equal(1.0, webApi.CallsPerSecondChange, 9);
        Assert.Equal(0.25, webApi.ErrorRateChange, 9);
        Assert.Equal(4.0, webApi.P95Ratio!.Value, 1);
        Assert.Equal([new EdgeKey("api", "memcached")], comparison.NewEdges);
        Assert.Equal([new EdgeKey("api", "redis")], comparison.VanishedEdges);
        Assert.Null(comparison.For(new EdgeKey("api", "redis"))!.P95Ratio);
        Assert.Equal(ChangeKind.New, comparison.For("memcached")!.Kind);
        Assert.Equal(0.25, comparison.For("api")!.ErrorRateChange, 9);
    }

    [Fact]
    public void Old_buckets_can_be_dropped()
    {
        var graph = new DependencyGraph();
        graph.Record([Call("a", "b", 0, 1), Call("a", "b", Minute, 1), Call("a", "b", 2 * Minute, 1)]);

        Assert.Equal(2, graph.DropBefore(2 * Minute));

        Assert.Equal(1, Assert.Single(graph.Window(0, 3 * Minute).Edges).Metrics.Calls);
    }
}
