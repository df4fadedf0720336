using AirisEpm.MetricsService.Domain;
using AirisEpm.MetricsService.Storage;
using AirisEpm.MetricsService.Storage.DuckDb;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Matcher = AirisEpm.PromQl.Model.Matcher;
using MatchOp = AirisEpm.PromQl.Model.MatchOp;

namespace AirisEpm.MetricsService.Tests.Storage;

/// <summary>Partial rollup rows, their compaction and the series catalog of the DuckDB store.</summary>
public sealed class DuckDbPartialRollupTests : IDisposable
{
    private static readonly long Base = (DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / 3_600_000 * 3_600_000) - (3 * 3_600_000);
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "airis-duckdb-" + Guid.NewGuid().ToString("N"));
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string Path_ => Path.Combine(_folder, "metrics.duckdb");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private async Task<DuckDbMetricStore> OpenAsync(int compactionRows = 1_000_000)
    {
        var store = new DuckDbMetricStore(Options.Create(new MetricStoreOptions { RollupCompactionRows = compactionRows }), _time, Path_);
        await store.InitializeAsync(Ct);
        return store;
    }

    private static MetricSample Sample(string name, long ts, double value, string instance = "a") =>
        new(name, LabelSet.From([new Label("instance", instance)]), ts, value);

    private static async Task<(AggregateRow[] Minute, AggregateRow Hour, SeriesPoints MinutePoints)> ReadAsync(DuckDbMetricStore store, string name)
    {
        var series = Assert.Single(await store.FindSeriesAsync(SeriesSelector.ForName(name), Ct));
        var groups = new Dictionary<long, int> { [series.Id] = 0 };
        var minute = await store.AggregateAsync(new AggregateQuery(StorageTier.Minute, groups, Base, 60_000, 3), Ct);
        var hour = Assert.Single(await store.AggregateAsync(new AggregateQuery(StorageTier.Hour, groups, Base, 3_600_000, 1), Ct));
        var points = Assert.Single(await store.PointsAsync(StorageTier.Minute, [series.Id], Base, Base + 180_000, Ct));
        return ([.. minute], hour, points);
    }

    [Fact]
    public async Task Partials_of_many_batches_read_exactly_before_and_after_compaction()
    {
        using var store = await OpenAsync();
        await store.WriteAsync([Sample("p", Base + 15_000, 4), Sample("p", Base + 75_000, 8)], Ct);
        await store.WriteAsync([Sample("p", Base + 30_000, 1)], Ct);
        await store.WriteAsync([Sample("p", Base + 5_000, 6), Sample("p", Base + 45_000, 2)], Ct);
        await store.WriteAsync([Sample("p", Base + 30_000, 3)], Ct);

        var before = await ReadAsync(store, "p");
        Assert.Equal(new AggregateRow(0, 0, 2, 6, 15, 4, 2, Base + 45_000), before.Minute[0]);
        Assert.Equal(new AggregateRow(0, 1, 8, 8, 8, 1, 8, Base + 75_000), before.Minute[1]);
        Assert.Equal(new AggregateRow(0, 0, 2, 8, 23, 5, 8, Base + 75_000), before.Hour);
        Assert.Equal([Base + 45_000, Base + 75_000], before.MinutePoints.Timestamps);
        Assert.Equal([2d, 8], before.MinutePoints.Values);

        await store.CompactRollupsAsync(Ct);

        var after = await ReadAsync(store, "p");
        Assert.Equal(before.Minute, after.Minute);
        Assert.Equal(before.Hour, after.Hour);
        Assert.Equal(before.MinutePoints.Values, after.MinutePoints.Values);
    }

    [Fact]
    public async Task An_overwrite_after_compaction_replaces_the_old_value_in_both_tiers()
    {
        using var store = await OpenAsync(compactionRows: 1);
        await store.WriteAsync([Sample("o", Base, 10), Sample("o", Base + 20_000, 1), Sample("o", Base + 61_000, 5)], Ct);
        await store.WriteAsync([Sample("o", Base + 40_000, 3)], Ct);
        await store.WriteAsync([Sample("o", Base, 2)], Ct);

        var read = await ReadAsync(store, "o");
        Assert.Equal(new AggregateRow(0, 0, 1, 3, 6, 3, 3, Base + 40_000), read.Minute[0]);
        Assert.Equal(new AggregateRow(0, 0, 1, 5, 11, 4, 5, Base + 61_000), read.Hour);
    }

    [Theory]
    [InlineData(3 * 3_600_000L)]
    [InlineData(10 * 60_000L)]
    public async Task An_overwrite_after_a_restart_is_found_whether_or_not_the_watermark_was_loaded(long age)
    {
        var ts = (_time.GetUtcNow().ToUnixTimeMilliseconds() - age) / 60_000 * 60_000;
        using (var store = await OpenAsync())
        {
            await store.WriteAsync([Sample("w", ts, 1), Sample("w", ts + 1_000, 2)], Ct);
        }

        using var reopened = await OpenAsync();
        await reopened.WriteAsync([Sample("w", ts, 7)], Ct);

        var series = Assert.Single(await reopened.FindSeriesAsync(SeriesSelector.ForName("w"), Ct));
        var raw = Assert.Single(await reopened.PointsAsync(StorageTier.Raw, [series.Id], ts, ts + 60_000, Ct));
        Assert.Equal([7d, 2], raw.Values);
        var groups = new Dictionary<long, int> { [series.Id] = 0 };
        var minute = Assert.Single(await reopened.AggregateAsync(new AggregateQuery(StorageTier.Minute, groups, ts, 60_000, 1), Ct));
        Assert.Equal(new AggregateRow(0, 0, 2, 7, 9, 2, 2, ts + 1_000), minute);
    }

    [Fact]
    public async Task New_series_are_found_at_once_and_after_a_restart()
    {
        using (var store = await OpenAsync())
        {
            await store.WriteAsync([Sample("s", Base, 1, "a")], Ct);
            Assert.Single(await store.FindSeriesAsync(SeriesSelector.ForName("s"), Ct));
            await store.WriteAsync([Sample("s", Base, 1, "a"), Sample("s", Base, 1, "b")], Ct);
            Assert.Equal(["a", "b"], (await store.FindSeriesAsync(SeriesSelector.ForName("s"), Ct)).Select(s => s.Labels["instance"]));
        }

        using var reopened = await OpenAsync();
        var found = await reopened.FindSeriesAsync(new SeriesSelector("s", [Matcher.Create("instance", MatchOp.Equal, "b")]), Ct);
        var series = Assert.Single(found);
        Assert.Equal(LabelSet.From([new Label("instance", "b")]).SeriesId("s"), series.Id);
        await reopened.WriteAsync([Sample("s", Base + 1, 2, "b"), Sample("s", Base, 1, "c")], Ct);
        Assert.Equal(3, (await reopened.FindSeriesAsync(SeriesSelector.ForName("s"), Ct)).Count);
        Assert.Equal(["instance"], await reopened.LabelNamesAsync(Ct));
        Assert.Equal(["a", "b", "c"], await reopened.LabelValuesAsync("instance", Ct));
    }
}
