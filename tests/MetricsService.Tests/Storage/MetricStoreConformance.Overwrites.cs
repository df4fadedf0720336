using AirisEpm.MetricsService.Storage;

namespace AirisEpm.MetricsService.Tests.Storage;

/// <summary>A sample written again for the same series and timestamp replaces the old one on every tier, never adds to it.</summary>
public abstract partial class MetricStoreConformance
{
    [Fact]
    public async Task An_overwritten_sample_counts_once_with_its_new_value_in_the_minute_and_hour_rollups()
    {
        await Store.WriteAsync([Sample("ow", Base, 10), Sample("ow", Base + 30_000, 20), Sample("ow", Base + 60_000, 5)], Ct);
        await Store.WriteAsync([Sample("ow", Base, 1)], Ct);
        await Store.WriteAsync([Sample("ow", Base, 2), Sample("ow", Base + 60_000, 7)], Ct);

        var minutes = await RollupAsync("ow", StorageTier.Minute, 60_000, 2);
        Assert.Equal(new AggregateRow(0, 0, 2, 20, 22, 2, 20, Base + 30_000), minutes[0]);
        Assert.Equal(new AggregateRow(0, 1, 7, 7, 7, 1, 7, Base + 60_000), minutes[1]);
        var hour = Assert.Single(await RollupAsync("ow", StorageTier.Hour, 3_600_000, 1));
        Assert.Equal(new AggregateRow(0, 0, 2, 20, 29, 3, 7, Base + 60_000), hour);
        var raw = Assert.Single(await RollupAsync("ow", StorageTier.Raw, 3_600_000, 1));
        Assert.Equal(hour, raw);
    }

    [Fact]
    public async Task Overwriting_a_buckets_last_sample_changes_the_rollup_points()
    {
        await Store.WriteAsync([Sample("ow_total", Base, 1), Sample("ow_total", Base + 50_000, 4)], Ct);
        await Store.WriteAsync([Sample("ow_total", Base + 50_000, 3)], Ct);

        var minute = await OnlySeriesAsync("ow_total", StorageTier.Minute);
        Assert.Equal([Base + 50_000], minute.Timestamps);
        Assert.Equal([3d], minute.Values);
        var hour = await OnlySeriesAsync("ow_total", StorageTier.Hour);
        Assert.Equal([3d], hour.Values);
    }

    [Fact]
    public async Task Overwrites_of_several_series_in_one_batch_stay_apart()
    {
        await Store.WriteAsync([Sample("ows", Base, 1, ("i", "a")), Sample("ows", Base, 10, ("i", "b"))], Ct);
        await Store.WriteAsync([Sample("ows", Base, 2, ("i", "a")), Sample("ows", Base + 1000, 30, ("i", "b")), Sample("ows", Base, 20, ("i", "b"))], Ct);

        var series = await Store.FindSeriesAsync(SeriesSelector.ForName("ows"), Ct);
        var groups = series.ToDictionary(s => s.Id, s => s.Labels["i"] == "a" ? 0 : 1);
        var rows = await Store.AggregateAsync(new AggregateQuery(StorageTier.Minute, groups, Base, 60_000, 1), Ct);

        Assert.Equal(new AggregateRow(0, 0, 2, 2, 2, 1, 2, Base), rows[0]);
        Assert.Equal(new AggregateRow(1, 0, 20, 30, 50, 2, 30, Base + 1000), rows[1]);
    }
}
