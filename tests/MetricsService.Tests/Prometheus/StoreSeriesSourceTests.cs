using AirisEpm.MetricsService.Domain;
using AirisEpm.MetricsService.Prometheus;
using AirisEpm.MetricsService.Storage;
using AirisEpm.MetricsService.Storage.DuckDb;
using AirisEpm.PromQl.Engine;
using Microsoft.Extensions.Options;
using PromMatcher = AirisEpm.PromQl.Model.Matcher;
using PromMatchOp = AirisEpm.PromQl.Model.MatchOp;

namespace AirisEpm.MetricsService.Tests.Prometheus;

public sealed class StoreSeriesSourceTests : IAsyncLifetime
{
    private const long T0 = 1_700_000_000_000;
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "airis-source-" + Guid.NewGuid().ToString("N"));
    private DuckDbMetricStore _duckDb = null!;
    private PointCountingStore _store = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _duckDb = new DuckDbMetricStore(Options.Create(new MetricStoreOptions()), TimeProvider.System, Path.Combine(_folder, "metrics.duckdb"));
        await _duckDb.InitializeAsync(Ct);
        _store = new PointCountingStore(_duckDb);
        var samples = new List<MetricSample>();
        for (var i = 0; i < 10; i++)
        {
            samples.Add(new MetricSample("http_ms", LabelSet.From([KeyValuePair.Create("code", "200")]), T0 + (i * 1000), i));
            samples.Add(new MetricSample("http_ms", LabelSet.From([KeyValuePair.Create("code", "503"), KeyValuePair.Create("job", "api")]), T0 + (i * 1000), 10 * i));
        }

        await _duckDb.WriteAsync(samples, Ct);
    }

    public ValueTask DisposeAsync()
    {
        _duckDb.Dispose();
        Directory.Delete(_folder, recursive: true);
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task Selects_with_promql_matchers_and_names_the_series()
    {
        var source = new StoreSeriesSource(_store, new SampleBudget(1000));

        var found = await source.SelectAsync(
            [PromMatcher.Create("__name__", PromMatchOp.Equal, "http_ms"), PromMatcher.Create("code", PromMatchOp.Regex, "5.."), PromMatcher.Create("job", PromMatchOp.NotEqual, "")],
            new SelectHints(T0 + 2000, T0 + 4000), Ct);

        var series = Assert.Single(found);
        Assert.Equal("http_ms{code=\"503\", job=\"api\"}", series.Metric.ToString());
        Assert.Equal([(T0 + 2000, 20d), (T0 + 3000, 30d), (T0 + 4000, 40d)], series.Points.Select(p => (p.T, p.V)));
    }

    [Fact]
    public async Task A_missing_label_matches_the_empty_value()
    {
        var source = new StoreSeriesSource(_store, new SampleBudget(1000));

        var found = await source.SelectAsync([PromMatcher.Create("__name__", PromMatchOp.Regex, "http.*"), PromMatcher.Create("job", PromMatchOp.Equal, "")], new SelectHints(T0, T0), Ct);

        Assert.Equal("http_ms{code=\"200\"}", Assert.Single(found).Metric.ToString());
    }

    [Fact]
    public async Task Samples_over_the_budget_are_refused_while_they_are_read()
    {
        var budget = new SampleBudget(15);
        var source = new StoreSeriesSource(_store, budget);
        PromMatcher[] all = [PromMatcher.Create("__name__", PromMatchOp.Equal, "http_ms")];

        var first = await source.SelectAsync(all, new SelectHints(T0, T0 + 4000), Ct);
        await Assert.ThrowsAsync<SampleLimitException>(() => source.SelectAsync(all, new SelectHints(T0, T0 + 9000), Ct));

        Assert.Equal(10, first.Sum(s => s.Points.Count));
        Assert.Equal(10, budget.Used);
        Assert.Equal([15L, 5L], _store.Limits);
    }

    [Fact]
    public async Task Any_window_is_safe_to_ask_for()
    {
        var source = new StoreSeriesSource(_store, new SampleBudget(1000));

        var everything = await source.SelectAsync([PromMatcher.Create("code", PromMatchOp.Equal, "200")], new SelectHints(long.MinValue, long.MaxValue), Ct);
        var backwards = await source.SelectAsync([PromMatcher.Create("code", PromMatchOp.Equal, "200")], new SelectHints(T0 + 5, T0), Ct);

        Assert.Equal(10, Assert.Single(everything).Points.Count);
        Assert.Empty(backwards);
    }

    /// <summary>The store, counting the calls that load points.</summary>
    private sealed class PointCountingStore(IMetricStore inner) : IMetricStore
    {
        public int PointReads { get; private set; }

        public List<long> Limits { get; } = [];

        public Task InitializeAsync(CancellationToken cancellationToken) => inner.InitializeAsync(cancellationToken);

        public Task WriteAsync(IReadOnlyList<MetricSample> samples, CancellationToken cancellationToken) => inner.WriteAsync(samples, cancellationToken);

        public Task<IReadOnlyList<StoredSeries>> FindSeriesAsync(SeriesSelector selector, CancellationToken cancellationToken) => inner.FindSeriesAsync(selector, cancellationToken);

        public Task<IReadOnlyList<AggregateRow>> AggregateAsync(AggregateQuery query, CancellationToken cancellationToken) => inner.AggregateAsync(query, cancellationToken);

        public Task<IReadOnlyList<SeriesPoints>> PointsAsync(StorageTier tier, IReadOnlyCollection<long> seriesIds, long startMs, long endMs, CancellationToken cancellationToken) =>
            PointsAsync(tier, seriesIds, startMs, endMs, long.MaxValue, cancellationToken);

        public Task<IReadOnlyList<SeriesPoints>> PointsAsync(
            StorageTier tier, IReadOnlyCollection<long> seriesIds, long startMs, long endMs, long maxSamples, CancellationToken cancellationToken)
        {
            PointReads++;
            Limits.Add(maxSamples);
            return inner.PointsAsync(tier, seriesIds, startMs, endMs, maxSamples, cancellationToken);
        }

        public Task<IReadOnlyList<string>> MetricNamesAsync(CancellationToken cancellationToken) => inner.MetricNamesAsync(cancellationToken);

        public Task<IReadOnlyList<string>> LabelNamesAsync(CancellationToken cancellationToken) => inner.LabelNamesAsync(cancellationToken);

        public Task<IReadOnlyList<string>> LabelValuesAsync(string labelName, CancellationToken cancellationToken) => inner.LabelValuesAsync(labelName, cancellationToken);

        public Task<long> DeleteBeforeAsync(StorageTier tier, long cutoffMs, CancellationToken cancellationToken) => inner.DeleteBeforeAsync(tier, cutoffMs, cancellationToken);

        public Task PingAsync(CancellationToken cancellationToken) => inner.PingAsync(cancellationToken);
    }
}
