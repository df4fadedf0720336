using AirisEpm.MetricsService.Domain;
using AirisEpm.MetricsService.Storage;
using StaleMarker = AirisEpm.PromQl.Model.StaleMarker;
using Microsoft.Extensions.Time.Testing;
using Matcher = AirisEpm.PromQl.Model.Matcher;
using MatchOp = AirisEpm.PromQl.Model.MatchOp;

namespace AirisEpm.MetricsService.Tests.Storage;

/// <summary>
/// What every <see cref="IMetricStore"/> must do. Each implementation derives once and supplies a
/// fresh, empty store per test. Times are recent (ClickHouse TTLs act on the real clock).
/// </summary>
public abstract partial class MetricStoreConformance : IAsyncLifetime
{
    private IMetricStore? _store;

    protected static readonly long Base = (DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / 3_600_000 * 3_600_000) - (3 * 3_600_000);

    protected FakeTimeProvider Time { get; } = new(DateTimeOffset.UtcNow);

    protected IMetricStore Store => _store ?? throw new InvalidOperationException("No store.");

    /// <summary>Returns a fresh, empty, initialised store, or calls Assert.Skip with the reason.</summary>
    protected abstract Task<IMetricStore> CreateStoreAsync();

    public async ValueTask InitializeAsync() => _store = await CreateStoreAsync();

    public virtual ValueTask DisposeAsync()
    {
        (_store as IDisposable)?.Dispose();
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }

    protected static MetricSample Sample(string name, long ts, double value, params (string Name, string Value)[] labels) =>
        new(name, LabelSet.From(labels.Select(l => new KeyValuePair<string, string>(l.Name, l.Value))), ts, value);

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected async Task<SeriesPoints> OnlySeriesAsync(string name, StorageTier tier = StorageTier.Raw)
    {
        var series = Assert.Single(await Store.FindSeriesAsync(SeriesSelector.ForName(name), Ct));
        var points = await Store.PointsAsync(tier, [series.Id], Base - 86_400_000, Base + 86_400_000, Ct);
        return Assert.Single(points);
    }

    protected async Task<IReadOnlyList<AggregateRow>> RollupAsync(string name, StorageTier tier, long step, long buckets)
    {
        var series = await Store.FindSeriesAsync(SeriesSelector.ForName(name), Ct);
        return await Store.AggregateAsync(new AggregateQuery(tier, series.ToDictionary(s => s.Id, _ => 0), Base, step, buckets), Ct);
    }

    /// <summary>The rows of the first series with every series in a group of its own (never answered from per-name rows).</summary>
    private async Task<IReadOnlyList<AggregateRow>> SeriesApartAsync(IReadOnlyList<StoredSeries> series, StorageTier tier, long step)
    {
        var groups = series.Select((s, i) => (s.Id, i)).ToDictionary(g => g.Id, g => g.i);
        var rows = await Store.AggregateAsync(new AggregateQuery(tier, groups, Base, step, 1), Ct);
        return [.. rows.Where(r => r.Group == 0)];
    }

    [Fact]
    public async Task Written_samples_are_read_back_in_time_order()
    {
        await Store.WriteAsync([Sample("up", Base + 2000, 1, ("job", "api")), Sample("up", Base, 0, ("job", "api")), Sample("up", Base + 1000, 1, ("job", "api"))], Ct);

        var points = await OnlySeriesAsync("up");
        Assert.Equal([Base, Base + 1000, Base + 2000], points.Timestamps);
        Assert.Equal([0d, 1, 1], points.Values);
    }

    [Fact]
    public async Task Same_series_and_timestamp_overwrites_within_and_across_batches()
    {
        await Store.WriteAsync([Sample("temp", Base, 1), Sample("temp", Base, 2)], Ct);
        await Store.WriteAsync([Sample("temp", Base, 3), Sample("temp", Base + 1000, 4)], Ct);

        var points = await OnlySeriesAsync("temp");
        Assert.Equal([Base, Base + 1000], points.Timestamps);
        Assert.Equal([3d, 4], points.Values);
        var row = Assert.Single(await RollupAsync("temp", StorageTier.Minute, 60_000, 1));
        Assert.Equal((3d, 4d, 7d, 2L), (row.Min, row.Max, row.Sum, row.Count));
    }

    [Fact]
    public async Task NaN_and_infinities_are_stored()
    {
        await Store.WriteAsync([Sample("odd", Base, double.NaN), Sample("odd", Base + 1, double.PositiveInfinity), Sample("odd", Base + 2, double.NegativeInfinity)], Ct);

        var points = await OnlySeriesAsync("odd");
        Assert.True(double.IsNaN(points.Values[0]));
        Assert.Equal(double.PositiveInfinity, points.Values[1]);
        Assert.Equal(double.NegativeInfinity, points.Values[2]);
    }

    [Fact]
    public async Task A_stale_marker_reads_back_bit_exact_and_no_statistic_counts_it()
    {
        // A second series of the name holds nothing but a marker, so per-name statistics equal the first series' own.
        await Store.WriteAsync([Sample("gone", Base, 10), Sample("gone", Base + 15_000, 20), Sample("gone", Base + 30_000, StaleMarker.Value),
            Sample("gone", Base + 45_000, 30), Sample("gone", Base + 90_000, StaleMarker.Value), Sample("gone", Base + 5_000, StaleMarker.Value, ("other", "series"))], Ct);

        var series = (await Store.FindSeriesAsync(SeriesSelector.ForName("gone"), Ct)).OrderBy(s => s.Labels.Count).ToList();
        var points = await Store.PointsAsync(StorageTier.Raw, [.. series.Select(s => s.Id)], Base, Base + 86_400_000, Ct);
        var first = points.Single(p => p.SeriesId == series[0].Id);
        Assert.Equal([Base, Base + 15_000, Base + 30_000, Base + 45_000, Base + 90_000], first.Timestamps);
        Assert.Equal([false, false, true, false, true], first.Values.Select(StaleMarker.IsStale));
        Assert.Equal(StaleMarker.Bits, BitConverter.DoubleToUInt64Bits(first.Values[2]));
        Assert.True(StaleMarker.IsStale(Assert.Single(points.Single(p => p.SeriesId == series[1].Id).Values)));

        var expected = new AggregateRow(0, 0, 10, 30, 60, 3, 30, Base + 45_000);
        foreach (var tier in new[] { StorageTier.Raw, StorageTier.Minute, StorageTier.Hour })
        {
            var step = tier == StorageTier.Hour ? 3_600_000 : 120_000;
            Assert.Equal([expected], await SeriesApartAsync(series, tier, step));
            Assert.Equal([expected], await RollupAsync("gone", tier, step, 1));
        }
    }

    [Fact]
    public async Task Stale_markers_stay_out_of_rollups_written_late_or_recomputed_for_an_overwrite()
    {
        await Store.WriteAsync([Sample("late_gone", Base, 5), Sample("late_gone", Base + 10_000, 7), Sample("late_gone", Base + 120_000, 1)], Ct);
        await Store.WriteAsync([Sample("late_gone", Base, 6), Sample("late_gone", Base + 20_000, StaleMarker.Value),
            Sample("late_gone", Base + 70_000, StaleMarker.Value), Sample("late_gone", Base + 80_000, 2)], Ct);

        var points = await OnlySeriesAsync("late_gone");
        Assert.Equal([false, false, true, true, false, false], points.Values.Select(StaleMarker.IsStale));
        var minute = await RollupAsync("late_gone", StorageTier.Minute, 60_000, 3);
        Assert.Equal(new AggregateRow(0, 0, 6, 7, 13, 2, 7, Base + 10_000), minute[0]);

        Assert.Equal(new AggregateRow(0, 1, 2, 2, 2, 1, 2, Base + 80_000), minute[1]);
        Assert.Equal(new AggregateRow(0, 2, 1, 1, 1, 1, 1, Base + 120_000), minute[2]);
        var raw = await RollupAsync("late_gone", StorageTier.Raw, 60_000, 3);
        Assert.Equal([2L, 1, 1], raw.Select(r => r.Count));
    }

    [Fact]
    public async Task Minute_rollup_keeps_min_max_sum_count_and_last()
    {
        await Store.WriteAsync([Sample("m", Base, 3), Sample("m", Base + 10_000, 1), Sample("m", Base + 20_000, 2), Sample("m", Base + 70_000, 5)], Ct);

        var rows = await RollupAsync("m", StorageTier.Minute, 60_000, 2);
        Assert.Equal(2, rows.Count);
        Assert.Equal(new AggregateRow(0, 0, 1, 3, 6, 3, 2, Base + 20_000), rows[0]);
        Assert.Equal(new AggregateRow(0, 1, 5, 5, 5, 1, 5, Base + 70_000), rows[1]);
    }

    [Fact]
    public async Task Hour_rollup_merges_minutes_exactly()
    {
        await Store.WriteAsync([Sample("h", Base, 10), Sample("h", Base + 60_000, 2), Sample("h", Base + 61_000, 4), Sample("h", Base + 3_600_000, 7)], Ct);

        var rows = await RollupAsync("h", StorageTier.Hour, 3_600_000, 2);
        Assert.Equal(new AggregateRow(0, 0, 2, 10, 16, 3, 4, Base + 61_000), rows[0]);
        Assert.Equal(new AggregateRow(0, 1, 7, 7, 7, 1, 7, Base + 3_600_000), rows[1]);
    }

    [Fact]
    public async Task Late_samples_update_their_buckets()
    {
        await Store.WriteAsync([Sample("late", Base + 30_000, 5), Sample("late", Base + 120_000, 1)], Ct);
        await Store.WriteAsync([Sample("late", Base + 10_000, 9), Sample("late", Base + 40_000, 2)], Ct);

        var minute = await RollupAsync("late", StorageTier.Minute, 60_000, 3);
        Assert.Equal(new AggregateRow(0, 0, 2, 9, 16, 3, 2, Base + 40_000), minute[0]);
        var hour = Assert.Single(await RollupAsync("late", StorageTier.Hour, 3_600_000, 1));
        Assert.Equal((1d, 9d, 17d, 4L, 1d), (hour.Min, hour.Max, hour.Sum, hour.Count, hour.Last));
    }

    [Fact]
    public async Task Aggregates_merge_series_of_one_group_and_keep_groups_apart()
    {
        await Store.WriteAsync([Sample("g", Base, 1, ("i", "a")), Sample("g", Base + 1000, 3, ("i", "b")), Sample("g", Base, 10, ("i", "c"))], Ct);
        var series = await Store.FindSeriesAsync(SeriesSelector.ForName("g"), Ct);
        var groups = series.ToDictionary(s => s.Id, s => s.Labels["i"] == "c" ? 1 : 0);

        var rows = await Store.AggregateAsync(new AggregateQuery(StorageTier.Raw, groups, Base, 60_000, 1), Ct);

        Assert.Equal(new AggregateRow(0, 0, 1, 3, 4, 2, 3, Base + 1000), rows[0]);
        Assert.Equal(new AggregateRow(1, 0, 10, 10, 10, 1, 10, Base), rows[1]);
    }

    [Theory]
    [InlineData("job", MatchOp.Equal, "api", "a,b,d")]
    [InlineData("job", MatchOp.NotEqual, "api", "c")]
    [InlineData("code", MatchOp.Regex, "5..", "b,c")]
    [InlineData("code", MatchOp.Regex, "5", "")]
    [InlineData("code", MatchOp.NotRegex, "5..", "a,d")]
    [InlineData("code", MatchOp.Equal, "", "d")]
    [InlineData("code", MatchOp.Regex, "2.*|503", "a,c")]
    public async Task Matchers_follow_prometheus_semantics(string label, MatchOp op, string value, string expected)
    {
        await Store.WriteAsync(
        [
            Sample("req", Base, 1, ("id", "a"), ("job", "api"), ("code", "200")),
            Sample("req", Base, 1, ("id", "b"), ("job", "api"), ("code", "500")),
            Sample("req", Base, 1, ("id", "c"), ("job", "web"), ("code", "503")),
            Sample("req", Base, 1, ("id", "d"), ("job", "api")),
            Sample("other", Base, 1, ("id", "e"), ("job", "api"), ("code", "500")),
        ], Ct);

        var found = await Store.FindSeriesAsync(new SeriesSelector("req", [Matcher.Create(label, op, value)]), Ct);

        Assert.Equal(expected, string.Join(',', found.Select(s => s.Labels["id"]).Order()));
    }

    [Fact]
    public async Task Names_labels_values_and_series_are_listed()
    {
        await Store.WriteAsync([Sample("b_total", Base, 1, ("job", "api"), ("zone", "ü-1")), Sample("a_gauge", Base, 1, ("job", "web")), Sample("a_gauge", Base, 1)], Ct);

        Assert.Equal(["a_gauge", "b_total"], await Store.MetricNamesAsync(Ct));
        Assert.Equal(["job", "zone"], await Store.LabelNamesAsync(Ct));
        Assert.Equal(["api", "web"], await Store.LabelValuesAsync("job", Ct));
        Assert.Equal(["ü-1"], await Store.LabelValuesAsync("zone", Ct));
        var all = await Store.FindSeriesAsync(new SeriesSelector(null, [Matcher.Create("job", MatchOp.Regex, ".+")]), Ct);
        Assert.Equal(2, all.Count);
        Assert.Contains(all, s => s.Name == "b_total" && s.Labels["zone"] == "ü-1" && s.Id == s.Labels.SeriesId("b_total"));
    }

    [Fact]
    public async Task Retention_deletes_each_tier_before_its_cutoff()
    {
        await Store.WriteAsync([Sample("r", Base, 1), Sample("r", Base + 2 * 3_600_000, 2)], Ct);

        await Store.DeleteBeforeAsync(StorageTier.Raw, Base + 3_600_000, Ct);
        var raw = await OnlySeriesAsync("r");
        Assert.Equal([Base + 2 * 3_600_000], raw.Timestamps);
        Assert.Equal(2, (await RollupAsync("r", StorageTier.Minute, 3_600_000, 3)).Count);

        await Store.DeleteBeforeAsync(StorageTier.Minute, Base + 3_600_000, Ct);
        Assert.Single(await RollupAsync("r", StorageTier.Minute, 3_600_000, 3));
        Assert.Equal(2, (await RollupAsync("r", StorageTier.Hour, 3_600_000, 3)).Count);

        await Store.DeleteBeforeAsync(StorageTier.Hour, Base + 3 * 3_600_000, Ct);
        Assert.Empty(await RollupAsync("r", StorageTier.Hour, 3_600_000, 3));
    }

    [Fact]
    public async Task Rollup_points_are_each_buckets_last_sample()
    {
        await Store.WriteAsync([Sample("c_total", Base, 1), Sample("c_total", Base + 30_000, 4), Sample("c_total", Base + 90_000, 6)], Ct);

        var points = await OnlySeriesAsync("c_total", StorageTier.Minute);
        Assert.Equal([Base + 30_000, Base + 90_000], points.Timestamps);
        Assert.Equal([4d, 6], points.Values);
    }

    [Fact]
    public async Task Ping_answers_on_a_healthy_store()
    {
        await Store.PingAsync(Ct);
    }
}
