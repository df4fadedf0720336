using AirisEpm.TraceService.Analysis.Graph;
using AirisEpm.TraceService.LiveGraph;
using AirisEpm.TraceService.Storage.Dependencies;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace AirisEpm.TraceService.Tests.LiveGraph;

public sealed class LiveDependencyGraphTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "airis-live-" + Guid.NewGuid().ToString("N"));
    private readonly FakeTimeProvider _clock = new(Start);
    private readonly FlakyStore _store;
    private readonly LiveDependencyGraph _graph;

    public LiveDependencyGraphTests()
    {
        _store = new FlakyStore(new DuckDbDependencyStore(Path.Combine(_folder, "dependencies.duckdb")));
        _store.InitializeAsync(Ct).GetAwaiter().GetResult();
        _graph = new LiveDependencyGraph(Options.Create(new DependencyGraphOptions()), _store, _clock, NullLogger<LiveDependencyGraph>.Instance);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static long Ns(DateTimeOffset at) => (at - DateTimeOffset.UnixEpoch).Ticks * 100;

    private long NowNs => Ns(_clock.GetUtcNow());

    public void Dispose()
    {
        _graph.Dispose();
        _store.Inner.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private static string[] EdgeNames(GraphWindow w) => [.. w.Edges.Select(e => $"{e.Key} ({e.ToKind}) {e.Metrics.Calls}")];

    [Fact]
    public async Task Entry_spans_matched_pairs_and_virtual_peers_make_the_edges_once_the_peer_wait_ends()
    {
        for (var i = 0; i < 3; i++)
            _graph.OnDurable(GraphSpans.Request(i, NowNs + i * 1_000_000));

        var before = await _graph.WindowAsync(Ns(Start) - 3_600_000_000_000, Ns(Start) + 3_600_000_000_000, Ct);
        _clock.Advance(TimeSpan.FromSeconds(31));
        await _graph.CloseAsync(Ct);
        var after = await _graph.WindowAsync(Ns(Start) - 3_600_000_000_000, Ns(Start) + 3_600_000_000_000, Ct);

        Assert.Equal(["frontend → checkout (Service) 3", "user → frontend (Service) 3"], EdgeNames(before));
        Assert.Equal(["checkout → postgresql/orders (Database) 3", "frontend → checkout (Service) 3", "user → frontend (Service) 3"], EdgeNames(after));
        Assert.Equal(TraceService.Analysis.Dependencies.TargetKind.External, after.Nodes.Single(n => n.Name == "user").Kind);
        Assert.Empty(_store.Written);
    }

    [Fact]
    public async Task A_bucket_closes_after_its_end_plus_the_delay_and_then_answers_from_the_store_with_the_same_figures()
    {
        _graph.OnDurable(GraphSpans.Request(1, NowNs, dbMs: 12));
        var window = (Ns(Start) - 60_000_000_000, Ns(Start) + 3_600_000_000_000);
        _clock.Advance(TimeSpan.FromSeconds(119));
        var early = await _graph.CloseAsync(Ct);
        var open = await _graph.WindowAsync(window.Item1, window.Item2, Ct);

        _clock.Advance(TimeSpan.FromSeconds(1));
        var closed = await _graph.CloseAsync(Ct);
        var stored = await _graph.WindowAsync(window.Item1, window.Item2, Ct);

        Assert.Empty(early.Edges);
        Assert.Equal(3, closed.Edges.Count);
        Assert.Equal(["frontend GET /checkout", "checkout POST /orders"], closed.Operations.Select(o => o.Operation.ToString()).OrderDescending());
        Assert.Equal(0, _graph.Memory.EdgeBuckets);
        Assert.Equal(3, (await _store.ReadAsync(0, long.MaxValue, Ct)).Count);
        Assert.Equal(open.Edges.Select(e => (e.Key, e.Metrics)), stored.Edges.Select(e => (e.Key, e.Metrics)));
        Assert.Equal(12.0, stored.Edges.Single(e => e.Key.To == "postgresql/orders").Metrics.P95Ns / 1e6, 0.2);
    }

    [Fact]
    public async Task When_the_store_fails_the_buckets_stay_in_memory_and_the_next_close_stores_them()
    {
        _graph.OnDurable(GraphSpans.Request(1, NowNs));
        _clock.Advance(TimeSpan.FromMinutes(3));
        _store.Failing = true;

        await Assert.ThrowsAsync<IOException>(() => _graph.CloseAsync(Ct));
        var during = await _graph.WindowAsync(0, long.MaxValue / 2, Ct);
        _store.Failing = false;
        var closed = await _graph.CloseAsync(Ct);

        Assert.Equal(3, during.Edges.Count);
        Assert.Equal(3, closed.Edges.Count);
        Assert.Equal(3, (await _store.ReadAsync(0, long.MaxValue, Ct)).Count);
    }

    [Fact]
    public async Task Calls_arriving_after_their_bucket_closed_are_a_second_row_and_the_window_adds_them_up()
    {
        var spanStart = NowNs;
        _graph.OnDurable(GraphSpans.Request(1, spanStart));
        _clock.Advance(TimeSpan.FromMinutes(3));
        await _graph.CloseAsync(Ct);
        _graph.OnDurable(GraphSpans.Request(2, spanStart + 1_000));
        await _graph.CloseAsync(Ct, everything: true);

        var window = await _graph.WindowAsync(0, long.MaxValue / 2, Ct);

        Assert.Equal(2, window.Edges.Single(e => e.Key == new EdgeKey("user", "frontend")).Metrics.Calls);
        Assert.Equal(5, (await _store.ReadAsync(0, long.MaxValue, Ct)).Count);
    }

    [Fact]
    public void A_retransmitted_batch_counts_its_calls_once()
    {
        var spans = GraphSpans.Request(1, NowNs);
        _graph.OnDurable(spans);
        _graph.OnDurable(spans);

        Assert.Equal(6, _graph.ExtractorStats.Duplicates + _graph.ExtractorStats.Entries + _graph.ExtractorStats.Matched);
        Assert.Equal((1L, 1L), (_graph.ExtractorStats.Entries, _graph.ExtractorStats.Matched));
    }

    /// <summary>The real store, failing on demand.</summary>
    private sealed class FlakyStore(DuckDbDependencyStore inner) : IDependencyStore
    {
        public DuckDbDependencyStore Inner => inner;

        public bool Failing { get; set; }

        public List<EdgeBucket> Written { get; } = [];

        public Task InitializeAsync(CancellationToken cancellationToken) => inner.InitializeAsync(cancellationToken);

        public async Task WriteAsync(IReadOnlyList<EdgeBucket> buckets, CancellationToken cancellationToken)
        {
            if (Failing && buckets.Count > 0)
                throw new IOException("disk full");
            await inner.WriteAsync(buckets, cancellationToken);
            Written.AddRange(buckets);
        }

        public Task<IReadOnlyList<EdgeBucket>> ReadAsync(long fromNs, long toNs, CancellationToken cancellationToken) => inner.ReadAsync(fromNs, toNs, cancellationToken);

        public Task<long> DeleteOlderThanAsync(long cutoffNs, CancellationToken cancellationToken) => inner.DeleteOlderThanAsync(cutoffNs, cancellationToken);

        public Task PingAsync(CancellationToken cancellationToken) => inner.PingAsync(cancellationToken);
    }
}
