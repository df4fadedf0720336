using AirisEpm.MetricsService.Storage;
using AirisEpm.PromQl.Model;

namespace AirisEpm.MetricsService.Tests.Storage;

public sealed class RollupPartialTests
{
    private static KeyValuePair<(long, long), double> At(long series, long ts, double value) => new((series, ts), value);

    [Fact]
    public void One_partial_per_series_and_bucket_with_last_by_time()
    {
        var partials = RollupPartial.Of([At(1, 70_000, 5), At(1, 10_000, 3), At(1, 50_000, 1), At(1, 20_000, 2), At(2, 0, 9)], 60_000, 0);

        Assert.Equal(
            [new(1, 0, 1, 3, 6, 3, 1, 50_000), new(1, 60_000, 5, 5, 5, 1, 5, 70_000), new(2, 0, 9, 9, 9, 1, 9, 0)],
            partials.OrderBy(p => p.SeriesId).ThenBy(p => p.Bucket));
    }

    [Fact]
    public void Samples_before_the_oldest_are_left_out()
    {
        var partial = Assert.Single(RollupPartial.Of([At(1, 3_599_999, 4), At(1, 3_600_000, 6), At(1, 3_700_000, 8)], 3_600_000, 3_600_001));

        Assert.Equal(new RollupPartial(1, 3_600_000, 8, 8, 8, 1, 8, 3_700_000), partial);
    }

    [Fact]
    public void NaN_orders_above_every_number_as_in_the_store()
    {
        var partial = Assert.Single(RollupPartial.Of([At(1, 1, double.NaN), At(1, 2, 4), At(1, 3, double.PositiveInfinity)], 60_000, 0));

        Assert.Equal(4, partial.Min);
        Assert.True(double.IsNaN(partial.Max));
        Assert.True(double.IsNaN(partial.Sum));
        Assert.Equal(double.PositiveInfinity, partial.Last);
    }

    [Fact]
    public void Stale_markers_add_nothing_and_a_bucket_of_only_markers_has_no_partial()
    {
        var partials = RollupPartial.Of([At(1, 1, 1), At(1, 2, 3), At(1, 3, StaleMarker.Value), At(1, 60_001, StaleMarker.Value)], 60_000, 0);

        Assert.Equal(new RollupPartial(1, 0, 1, 3, 4, 2, 3, 2), Assert.Single(partials));
    }

    [Fact]
    public void Buckets_of_negative_times_are_floored()
    {
        var partial = Assert.Single(RollupPartial.Of([At(1, -1, 1)], 60_000, long.MinValue));

        Assert.Equal(-60_000, partial.Bucket);
    }

    [Fact]
    public void Merging_partials_gives_the_partial_of_all_their_samples_NaN_included()
    {
        KeyValuePair<(long, long), double>[] first = [At(1, 1_000, 3), At(1, 2_000, double.NaN)];
        KeyValuePair<(long, long), double>[] second = [At(1, 3_000, -1), At(1, 500, 8)];

        var merged = Assert.Single(RollupPartial.Of(first, 60_000, 0)).Merge(Assert.Single(RollupPartial.Of(second, 60_000, 0)));
        var whole = Assert.Single(RollupPartial.Of([.. first, .. second], 60_000, 0));

        Assert.Equal(whole.Min, merged.Min);
        Assert.True(double.IsNaN(merged.Max) && double.IsNaN(merged.Sum));
        Assert.Equal((whole.Count, whole.Last, whole.LastTs), (merged.Count, merged.Last, merged.LastTs));
    }
}
