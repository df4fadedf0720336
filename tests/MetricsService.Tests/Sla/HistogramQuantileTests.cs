using AirisEpm.MetricsService.Sla;

namespace AirisEpm.MetricsService.Tests.Sla;

public sealed class HistogramQuantileTests
{
    private static readonly Dictionary<double, double> Buckets = new()
    {
        [0.05] = 50,
        [0.1] = 90,
        [0.5] = 100,
        [double.PositiveInfinity] = 100,
    };

    [Theory]
    [InlineData(0.5, 0.05)]
    [InlineData(0.25, 0.025)]
    [InlineData(0.7, 0.075)]
    [InlineData(0.95, 0.3)]
    public void Interpolates_inside_the_bucket_holding_the_rank(double q, double expected) =>
        Assert.Equal(expected, HistogramQuantile.Compute(q, Buckets)!.Value, 6);

    [Fact]
    public void A_rank_in_the_inf_bucket_answers_the_highest_finite_bound()
    {
        var buckets = new Dictionary<double, double> { [0.1] = 10, [1] = 20, [double.PositiveInfinity] = 100 };
        Assert.Equal(1, HistogramQuantile.Compute(0.95, buckets));
    }

    [Fact]
    public void No_inf_bucket_or_no_observations_gives_no_answer()
    {
        Assert.Null(HistogramQuantile.Compute(0.95, new Dictionary<double, double> { [0.1] = 10 }));
        Assert.Null(HistogramQuantile.Compute(0.95, new Dictionary<double, double> { [0.1] = 0, [double.PositiveInfinity] = 0 }));
    }
}
