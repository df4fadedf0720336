using AirisEpm.MetricsService.Query;

namespace AirisEpm.MetricsService.Tests.Query;

public sealed class QuantilesTests
{
    [Theory]
    [InlineData(0.5, 2.5)]
    [InlineData(0.0, 1)]
    [InlineData(1.0, 4)]
    [InlineData(0.9, 3.7)]
    public void Interpolates_linearly_between_closest_ranks(double phi, double expected)
    {
        Assert.Equal(expected, Quantiles.Of([4, 1, 3, 2], phi), 10);
    }

    [Fact]
    public void Empty_input_is_NaN_and_NaN_sorts_last()
    {
        Assert.True(double.IsNaN(Quantiles.Of([], 0.5)));
        Assert.Equal(1, Quantiles.Of([double.NaN, 1, 2], 0));
        Assert.True(double.IsNaN(Quantiles.Of([double.NaN, 1, 2], 1)));
    }
}
