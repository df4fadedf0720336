using AirisEpm.MetricsService.Query;
using AirisEpm.PromQl.Model;

namespace AirisEpm.MetricsService.Tests.Query;

public sealed class CounterMathTests
{
    [Fact]
    public void Increase_counts_each_pair_in_the_bucket_of_its_later_sample_and_handles_resets()
    {
        // values 5 9 | 12 2 6 | 10 at 0,30 | 60,70,90 | 130 seconds, step 60 s
        long[] ts = [0, 30_000, 60_000, 70_000, 90_000, 130_000];
        double[] values = [5, 9, 12, 2, 6, 10];

        var increase = CounterMath.IncreasePerBucket(ts, values, 0, 60_000, 3);

        Assert.Equal([4d, 3 + 2 + 4, 4], increase);
    }

    [Fact]
    public void Buckets_without_a_pair_are_NaN_not_zero()
    {
        var increase = CounterMath.IncreasePerBucket([0, 10_000], [1, 2], 0, 60_000, 3);

        Assert.Equal(1, increase[0]);
        Assert.True(double.IsNaN(increase[1]));
        Assert.True(double.IsNaN(increase[2]));
    }

    [Fact]
    public void Rate_is_increase_per_second_of_step()
    {
        var rate = CounterMath.RatePerBucket([0, 30_000, 60_000], [0, 30, 120], 0, 60_000, 2);

        Assert.Equal([0.5, 1.5], rate);
    }

    [Fact]
    public void A_stale_marker_is_no_value_and_the_sample_after_it_is_no_reset()
    {
        // 10 20 stale 30 | 40: the marker is skipped, so 30 pairs with 20 (no reset, no NaN).
        long[] ts = [0, 15_000, 30_000, 45_000, 60_000];
        double[] values = [10, 20, StaleMarker.Value, 30, 40];

        var increase = CounterMath.IncreasePerBucket(ts, values, 0, 60_000, 2);

        Assert.Equal([20d, 10], increase);
    }

    [Fact]
    public void A_series_that_comes_back_lower_after_a_stale_marker_is_a_reset()
    {
        var increase = CounterMath.IncreasePerBucket([0, 10_000, 20_000, 30_000, 40_000], [10, 20, StaleMarker.Value, 1, 3], 0, 60_000, 1);

        Assert.Equal([10d + 1 + 2], increase);
    }

    [Fact]
    public void Only_stale_markers_in_a_bucket_leave_it_without_data()
    {
        var increase = CounterMath.IncreasePerBucket([0, 70_000, 80_000], [5, StaleMarker.Value, StaleMarker.Value], 0, 60_000, 2);

        Assert.True(double.IsNaN(increase[0]));
        Assert.True(double.IsNaN(increase[1]));
    }

    [Fact]
    public void A_pair_crossing_into_the_range_counts_for_the_first_bucket()
    {
        var increase = CounterMath.IncreasePerBucket([-10_000, 5_000], [100, 110], 0, 60_000, 1);

        Assert.Equal([10d], increase);
    }
}
