using AirisEpm.MetricsService.Query;

namespace AirisEpm.MetricsService.Tests.Query;

public sealed class BucketStatsTests
{
    [Fact]
    public void Merging_is_exact_so_avg_is_never_an_average_of_averages()
    {
        var a = new BucketStats(1, 3, 4, 2, 3, 100);   // samples 1, 3
        var b = new BucketStats(10, 10, 10, 1, 10, 50); // sample 10, earlier

        var merged = a.Merge(b);

        Assert.Equal(14d / 3, merged.Evaluate(Aggregation.Avg), 10);
        Assert.Equal(1, merged.Evaluate(Aggregation.Min));
        Assert.Equal(10, merged.Evaluate(Aggregation.Max));
        Assert.Equal(14, merged.Evaluate(Aggregation.Sum));
        Assert.Equal(3, merged.Evaluate(Aggregation.Count));
        Assert.Equal(3, merged.Evaluate(Aggregation.Last));
    }

    [Fact]
    public void Quantiles_cannot_come_from_merged_statistics()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new BucketStats(1, 1, 1, 1, 1, 1).Evaluate(Aggregation.P95));
    }
}
