using AirisEpm.MetricsService.Query;

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
    public void A_pair_crossing_into_the_range_counts_for_the_first_bucket()
    {
        var increase = CounterMath.IncreasePerBucket([-10_000, 5_000], [100, 110], 0, 60_000, 1);

        Assert.Equal([10d], increase);
    }
}
