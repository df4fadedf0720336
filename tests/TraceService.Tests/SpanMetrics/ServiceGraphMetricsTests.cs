using AirisEpm.TraceService.Analysis.Dependencies;
using AirisEpm.TraceService.LiveGraph;
using AirisEpm.TraceService.SpanMetrics;
using AirisEpm.TraceService.Storage.Dependencies;
using AirisEpm.TraceService.Tests.LiveGraph;
using AirisEpm.TraceService.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace AirisEpm.TraceService.Tests.SpanMetrics;

public sealed class ServiceGraphMetricsTests
{
    private static ServiceCall Call(string from, string to, double ms, bool error = false, TargetKind kind = TargetKind.Service) =>
        new(from, to, kind, (long)(ms * 1_000_000), error, "trace", 0);

    private static Dictionary<string, double> ByEdge(IReadOnlyList<SpanMetricPoint> points, string name) =>
        points.Where(p => p.Name == name).ToDictionary(p => $"{p.Labels["client"]}→{p.Labels["server"]}:{p.Labels["connection_type"]}", p => p.Value);

    [Fact]
    public void Each_edge_counts_its_own_calls_failures_and_durations_in_Tempos_names()
    {
        var metrics = new ServiceGraphMetrics(Options.Create(new SpanMetricsOptions { BucketBoundsMs = [10, 100] }));
        metrics.Record([Call("checkout", "payments", 5), Call("checkout", "payments", 50, error: true), Call("cart", "payments", 500)]);
        metrics.Record([Call("checkout", "postgresql/orders", 2, kind: TargetKind.Database), Call("orders", "kafka/orders", 1, kind: TargetKind.Queue)]);

        var points = metrics.Snapshot(1_000, "replica-1");

        Assert.Equal(new Dictionary<string, double>
        {
            ["checkout→payments:"] = 2, ["cart→payments:"] = 1, ["checkout→postgresql/orders:database"] = 1, ["orders→kafka/orders:messaging_system"] = 1,
        }, ByEdge(points, ServiceGraphMetrics.RequestsName));
        Assert.Equal(1, ByEdge(points, ServiceGraphMetrics.FailedName)["checkout→payments:"]);
        Assert.Equal(0, ByEdge(points, ServiceGraphMetrics.FailedName)["cart→payments:"]);
        var buckets = points.Where(p => p.Name == ServiceGraphMetrics.ServerSecondsName + "_bucket" && p.Labels["client"] == "checkout" && p.Labels["server"] == "payments")
            .ToDictionary(p => p.Labels["le"], p => p.Value);
        Assert.Equal(new Dictionary<string, double> { ["0.01"] = 1, ["0.1"] = 2, ["+Inf"] = 2 }, buckets);
        Assert.Equal(0.055, points.Single(p => p.Name == ServiceGraphMetrics.ServerSecondsName + "_sum" && p.Labels["client"] == "checkout" && p.Labels["server"] == "payments").Value, 9);
        Assert.All(points, p => Assert.Equal(("replica-1", 1_000L), (p.Labels["instance"], p.TimestampMs)));
    }

    [Fact]
    public void Edges_beyond_the_bound_fold_into_one_overflow_series_per_client()
    {
        var metrics = new ServiceGraphMetrics(Options.Create(new SpanMetricsOptions { MaxEdgeSeries = 2 }));
        metrics.Record(Enumerable.Range(0, 10).Select(i => Call("gateway", "service-" + i, 1)).ToList());

        var calls = ByEdge(metrics.Snapshot(1, "a"), ServiceGraphMetrics.RequestsName);

        Assert.Equal(new Dictionary<string, double> { ["gateway→service-0:"] = 1, ["gateway→service-1:"] = 1, ["gateway→__overflow__:"] = 8 }, calls);
        Assert.Equal(3, metrics.EdgeCount);
    }

    [Fact]
    public async Task The_live_graph_feeds_every_call_it_pairs_once_the_client_span_joined_its_childs_service_or_its_peer()
    {
        var folder = Path.Combine(Path.GetTempPath(), "airis-edges-" + Guid.NewGuid().ToString("N"));
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));
        var store = new DuckDbDependencyStore(Path.Combine(folder, "dependencies.duckdb"));
        await store.InitializeAsync(TestContext.Current.CancellationToken);
        var metrics = new ServiceGraphMetrics(Options.Create(new SpanMetricsOptions()));
        var graph = new LiveDependencyGraph(Options.Create(new DependencyGraphOptions()), store, clock, NullLogger<LiveDependencyGraph>.Instance, metrics: metrics);
        var nowNs = (clock.GetUtcNow() - DateTimeOffset.UnixEpoch).Ticks * 100;

        for (var i = 0; i < 3; i++) graph.OnDurable(GraphSpans.Request(i, nowNs + (i * 1_000_000), dbMs: 12, dbFails: i == 0));
        clock.Advance(TimeSpan.FromSeconds(31));
        await graph.CloseAsync(TestContext.Current.CancellationToken);

        var points = metrics.Snapshot(1, "a");
        Assert.Equal(new Dictionary<string, double>
        {
            ["user→frontend:virtual_node"] = 3, ["frontend→checkout:"] = 3, ["checkout→postgresql/orders:database"] = 3,
        }, ByEdge(points, ServiceGraphMetrics.RequestsName));
        Assert.Equal(1, ByEdge(points, ServiceGraphMetrics.FailedName)["checkout→postgresql/orders:database"]);
        // The database has no span of its own: its calls last as long as the caller's client span (12 ms, in the 50 ms bucket).
        Assert.Equal(3, points.Single(p => p.Name == ServiceGraphMetrics.ServerSecondsName + "_bucket" && p.Labels["server"] == "postgresql/orders" && p.Labels["le"] == "0.05").Value);
        Assert.Equal(0, points.Single(p => p.Name == ServiceGraphMetrics.ServerSecondsName + "_bucket" && p.Labels["server"] == "postgresql/orders" && p.Labels["le"] == "0.01").Value);
        graph.Dispose();
        store.Dispose();
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task Spans_ingested_by_the_service_reach_the_edge_series_the_publisher_writes()
    {
        await using var factory = new TraceServiceFactory();
        var metrics = factory.Services.GetRequiredService<ServiceGraphMetrics>();
        var startUs = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 1000;
        var body = $$$"""
            [{"traceId":"5af7183fb1d4cf5f5af7183fb1d4cf5f","id":"00000000000000a1","name":"post","kind":"CLIENT","timestamp":{{{startUs}}},"duration":30000,"localEndpoint":{"serviceName":"checkout"}},
             {"traceId":"5af7183fb1d4cf5f5af7183fb1d4cf5f","id":"00000000000000b1","parentId":"00000000000000a1","name":"charge","kind":"SERVER","timestamp":{{{startUs + 1000}}},"duration":20000,"localEndpoint":{"serviceName":"payments"},"tags":{"error":"card declined"}}]
            """;
        using var response = await factory.Writer().PostAsync("/api/v2/spans", new StringContent(body, System.Text.Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();

        var points = metrics.Snapshot(1, "a");
        Assert.Equal(1, ByEdge(points, ServiceGraphMetrics.RequestsName)["checkout→payments:"]);
        Assert.Equal(1, ByEdge(points, ServiceGraphMetrics.FailedName)["checkout→payments:"]);
        Assert.Equal(0.02, points.Single(p => p.Name == ServiceGraphMetrics.ServerSecondsName + "_sum" && p.Labels["server"] == "payments").Value, 9);
    }
}
