using AirisEpm.MetricsService.Protocols.Otlp.Delta;
using AirisEpm.MetricsService.Sla;
using CsCheck;

namespace AirisEpm.MetricsService.Tests.Protocols.Delta;

public sealed class ExponentialHistogramCountsTests
{
    private static ExponentialHistogramCounts Histogram(int scale, ExponentialBuckets positive, ExponentialBuckets? negative = null, ulong zero = 0, double zeroThreshold = 0)
    {
        var negatives = negative ?? ExponentialBuckets.Empty;
        var count = zero + positive.Counts.Aggregate(0UL, (a, b) => a + b) + negatives.Counts.Aggregate(0UL, (a, b) => a + b);
        return new ExponentialHistogramCounts(scale, zeroThreshold, zero, positive, negatives, count, 0, true);
    }

    [Fact]
    public void Downscaling_floors_each_index_and_keeps_every_count()
    {
        var buckets = new ExponentialBuckets(-3, [1, 2, 3, 4, 5, 6]).Downscale(1);

        // indices -3..2 → -2, -1, -1, 0, 0, 1
        Assert.Equal(-2, buckets.Offset);
        Assert.Equal([1UL, 5, 9, 6], buckets.Counts);
    }

    [Fact]
    public void Histograms_of_two_scales_add_at_the_lower_one()
    {
        var fine = Histogram(1, new ExponentialBuckets(0, [1, 1, 1, 1]));
        var coarse = Histogram(0, new ExponentialBuckets(1, [5]), zero: 2);

        var sum = fine.Plus(coarse)!;

        Assert.Equal((0, 2UL, 11UL), (sum.Scale, sum.ZeroCount, sum.Count));
        Assert.Equal(0, sum.Positive.Offset);
        Assert.Equal([2UL, 7], sum.Positive.Counts);
        Assert.Null(fine.Plus(coarse with { ZeroThreshold = 0.5 }));
    }

    [Fact]
    public void A_long_running_total_downscales_to_at_most_160_buckets_a_side()
    {
        var sum = Histogram(4, new ExponentialBuckets(0, [1])).Plus(Histogram(4, new ExponentialBuckets(400, [1])))!;

        Assert.True(sum.Positive.Counts.Length <= ExponentialHistogramCounts.MaxBucketsPerSide);
        Assert.Equal((2, 2UL), (sum.Scale, sum.Positive.Counts.Aggregate(0UL, (a, b) => a + b)));
    }

    [Fact]
    public void Classic_buckets_are_cumulative_at_the_bucket_boundaries_with_each_sides_outer_edge()
    {
        // scale 0, base 2: negative bucket 1 holds [-4, -2), zero bucket 0, positive buckets 0..2 hold (1,2], (2,4], (4,8].
        var histogram = Histogram(0, new ExponentialBuckets(0, [1, 0, 3]), new ExponentialBuckets(1, [2]), zero: 4);

        Assert.Equal([(-4d, 0UL), (-2, 2), (0, 6), (1, 6), (2, 7), (4, 7), (8, 10)], histogram.ClassicBuckets());
    }

    [Fact]
    public void Bounds_beyond_the_doubles_emit_nothing_and_their_counts_go_up()
    {
        var histogram = Histogram(-10, new ExponentialBuckets(0, [1, 1]));

        Assert.Equal([(1d, 0UL)], histogram.ClassicBuckets());
    }

    /// <summary>
    /// The stated error bound, checked: positive values put in their exponential buckets at a random scale, converted to classic
    /// buckets, and histogram_quantile (Prometheus's algorithm) is within base − 1, relative, of the nearest-rank quantile.
    /// </summary>
    [Fact]
    public void Histogram_quantile_over_the_classic_buckets_is_within_the_relative_error()
    {
        var values = Gen.Double[-12, 12].Select(e => Math.Pow(2, e)).Array[1, 300];
        Gen.Select(Gen.Int[0, 8], values, Gen.Double[0.01, 1]).Sample((scale, sample, q) =>
        {
            var histogram = Bucketed(scale, sample);
            var classic = histogram.ClassicBuckets().ToDictionary(b => b.UpperBound, b => (double)b.Cumulative);
            classic[double.PositiveInfinity] = histogram.Count;
            var sorted = sample.Order().ToArray();
            var truth = sorted[(int)Math.Ceiling(q * sorted.Length) - 1];

            var estimate = HistogramQuantile.Compute(q, classic)!.Value;

            var error = Math.Pow(2, Math.Pow(2, -scale)) - 1;
            Assert.True(Math.Abs(estimate - truth) <= (error * truth) + 1e-12, $"scale {scale}: {estimate} for {truth}");
        }, iter: 2000);
    }

    /// <summary>Each value in bucket ⌈log2(v)·2^scale⌉ − 1, which holds (base^i, base^(i+1)].</summary>
    private static ExponentialHistogramCounts Bucketed(int scale, double[] values)
    {
        var indices = values.Select(v => (long)Math.Ceiling(Math.Log2(v) * Math.Pow(2, scale)) - 1).ToArray();
        var offset = (int)indices.Min();
        var counts = new ulong[indices.Max() - offset + 1];
        foreach (var index in indices)
        {
            counts[index - offset]++;
        }

        return Histogram(scale, new ExponentialBuckets(offset, counts));
    }
}
