using AirisEpm.MetricsService.Storage;
using StaleMarker = AirisEpm.PromQl.Model.StaleMarker;
using Matcher = AirisEpm.PromQl.Model.Matcher;
using MatchOp = AirisEpm.PromQl.Model.MatchOp;

namespace AirisEpm.MetricsService.Tests.Storage;

/// <summary>Time bounds exactly as <see cref="IMetricStore"/> states them, and values kept bit for bit.</summary>
public abstract partial class MetricStoreConformance
{
    [Fact]
    public async Task Points_include_both_bounds_and_only_the_asked_series()
    {
        await Store.WriteAsync([.. Enumerable.Range(0, 6).Select(i => Sample("pb", Base + (i * 1000), i, ("s", "x"))), Sample("pb", Base + 2000, 9, ("s", "y"))], Ct);
        var x = Assert.Single(await Store.FindSeriesAsync(new SeriesSelector("pb", [Matcher.Create("s", MatchOp.Equal, "x")]), Ct));

        var points = Assert.Single(await Store.PointsAsync(StorageTier.Raw, [x.Id], Base + 1000, Base + 4000, Ct));

        Assert.Equal(x.Id, points.SeriesId);
        Assert.Equal([1d, 2, 3, 4], points.Values);
        Assert.Empty(await Store.PointsAsync(StorageTier.Raw, [x.Id], Base + 1001, Base + 1999, Ct));
    }

    [Fact]
    public async Task Aggregates_include_the_start_and_exclude_the_end()
    {
        await Store.WriteAsync([Sample("ab", Base - 1, 100), Sample("ab", Base, 1), Sample("ab", Base + 59_999, 2), Sample("ab", Base + 60_000, 100)], Ct);

        var raw = Assert.Single(await RollupAsync("ab", StorageTier.Raw, 60_000, 1));
        Assert.Equal(new AggregateRow(0, 0, 1, 2, 3, 2, 2, Base + 59_999), raw);
        var minute = Assert.Single(await RollupAsync("ab", StorageTier.Minute, 60_000, 1));
        Assert.Equal(raw, minute);
    }

    [Fact]
    public async Task Rollup_points_are_selected_by_bucket_start()
    {
        await Store.WriteAsync([Sample("rb", Base + 59_000, 1), Sample("rb", Base + 61_000, 2), Sample("rb", Base + 121_000, 3)], Ct);
        var series = Assert.Single(await Store.FindSeriesAsync(SeriesSelector.ForName("rb"), Ct));

        var points = Assert.Single(await Store.PointsAsync(StorageTier.Minute, [series.Id], Base + 1, Base + 60_000, Ct));

        Assert.Equal([Base + 61_000], points.Timestamps);
        Assert.Equal([2d], points.Values);
    }

    [Fact]
    public async Task Stale_markers_come_back_bit_exact()
    {
        await Store.WriteAsync([Sample("st", Base, 1), Sample("st", Base + 1000, StaleMarker.Value), Sample("st", Base + 2000, double.NaN)], Ct);

        var points = await OnlySeriesAsync("st");

        Assert.Equal(
            [BitConverter.DoubleToUInt64Bits(1), StaleMarker.Bits, BitConverter.DoubleToUInt64Bits(double.NaN)],
            points.Values.Select(BitConverter.DoubleToUInt64Bits));
    }
}
