using AirisEpm.TraceService.Analysis.Dependencies;
using AirisEpm.TraceService.Analysis.Graph;
using AirisEpm.TraceService.Storage.Dependencies;

namespace AirisEpm.TraceService.Tests.Storage;

/// <summary>What every <see cref="IDependencyStore"/> must do; each implementation supplies a fresh, initialised store (or skips with the reason).</summary>
public abstract class DependencyStoreConformance : IAsyncLifetime
{
    protected const long Minute = 60_000_000_000;
    /// <summary>A minute three hours ago: inside any retention (ClickHouse's TTL drops older rows on merge).</summary>
    protected static readonly long T0 = Spans.Base / Minute * Minute;

    private IDependencyStore? _store;

    protected IDependencyStore Store => _store ?? throw new InvalidOperationException("No store.");

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected abstract Task<IDependencyStore> CreateStoreAsync();

    public async ValueTask InitializeAsync() => _store = await CreateStoreAsync();

    public virtual ValueTask DisposeAsync()
    {
        (_store as IDisposable)?.Dispose();
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }

    protected static EdgeBucket Bucket(long start, string from, string to, long[] durationsMs, int errors = 0, TargetKind toKind = TargetKind.Service,
        TargetKind fromKind = TargetKind.Service)
    {
        var stats = new BucketStats();
        for (var i = 0; i < durationsMs.Length; i++)
            stats.Add(durationsMs[i] * 1_000_000, i < errors, $"trace-{from}-{to}-{i}");
        return new EdgeBucket(start, new EdgeKey(from, to), fromKind, toKind, stats);
    }

    private static object Shape(EdgeBucket b) => (b.BucketStartNs, b.Edge, b.FromKind, b.ToKind, b.Stats.Calls, b.Stats.Errors,
        Convert.ToBase64String(b.Stats.Latency.ToBytes()), b.Stats.ExemplarTraceId, b.Stats.ErrorTraceId, b.Stats.Latency.Quantile(0.95));

    [Fact]
    public async Task Every_field_round_trips_sketch_kinds_and_exemplars_included()
    {
        var written = new[]
        {
            Bucket(T0, "checkout", "postgresql/orders", [5, 7, 300, 9], errors: 1, toKind: TargetKind.Database),
            Bucket(T0, "user", "frontend", [40], fromKind: TargetKind.External),
            Bucket(T0 + Minute, "orders", "kafka/payments", [1, 2], toKind: TargetKind.Queue),
        };
        await Store.WriteAsync(written, Ct);

        var read = await Store.ReadAsync(T0, T0 + 2 * Minute, Ct);

        Assert.Equal(written.OrderBy(b => b.BucketStartNs).ThenBy(b => b.Edge.From, StringComparer.Ordinal).Select(Shape), read.Select(Shape));
        Assert.Equal("trace-checkout-postgresql/orders-2", read[0].Stats.ExemplarTraceId);
        Assert.Equal("trace-checkout-postgresql/orders-0", read[0].Stats.ErrorTraceId);
        Assert.Null(read[2].Stats.ErrorTraceId);
    }

    [Fact]
    public async Task A_window_holds_the_buckets_that_start_inside_it_end_excluded()
    {
        await Store.WriteAsync([Bucket(T0 - Minute, "a", "b", [1]), Bucket(T0, "a", "b", [2]), Bucket(T0 + Minute, "a", "b", [3])], Ct);

        var read = await Store.ReadAsync(T0, T0 + Minute, Ct);

        Assert.Equal([T0], read.Select(b => b.BucketStartNs));
    }

    [Fact]
    public async Task Rows_of_one_bucket_written_twice_both_come_back_so_late_calls_add_up()
    {
        await Store.WriteAsync([Bucket(T0, "a", "b", [1, 2, 3])], Ct);
        await Store.WriteAsync([Bucket(T0, "a", "b", [400], errors: 1)], Ct);

        var read = await Store.ReadAsync(T0, T0 + Minute, Ct);

        Assert.Equal([1L, 3L], read.Select(b => b.Stats.Calls).Order());
        var graph = new DependencyGraph();
        foreach (var row in read)
            graph.Add(row);
        var edge = Assert.Single(graph.Window(T0, T0 + Minute).Edges);
        Assert.Equal((4L, 1L), (edge.Metrics.Calls, edge.Metrics.Errors));
    }

    [Fact]
    public async Task Retention_deletes_buckets_that_start_before_the_cutoff()
    {
        await Store.WriteAsync([Bucket(T0, "a", "b", [1]), Bucket(T0 + Minute, "a", "b", [1]), Bucket(T0 + Minute, "a", "c", [1])], Ct);

        var deleted = await Store.DeleteOlderThanAsync(T0 + Minute, Ct);

        Assert.Equal(1, deleted);
        Assert.Equal([T0 + Minute, T0 + Minute], (await Store.ReadAsync(0, long.MaxValue, Ct)).Select(b => b.BucketStartNs));
    }

    [Fact]
    public async Task An_empty_write_is_nothing_and_the_store_answers_pings()
    {
        await Store.WriteAsync([], Ct);
        await Store.PingAsync(Ct);

        Assert.Empty(await Store.ReadAsync(0, long.MaxValue, Ct));
    }
}
