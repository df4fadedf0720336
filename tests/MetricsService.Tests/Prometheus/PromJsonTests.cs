using AirisEpm.MetricsService.Prometheus;

namespace AirisEpm.MetricsService.Tests.Prometheus;

public sealed class PromJsonTests
{
    [Theory]
    [InlineData(1_500, "1.500")]
    [InlineData(-1_500, "-1.500")]
    [InlineData(0, "0")]
    [InlineData(1, "0.001")]
    [InlineData(-240_000, "-240")]
    [InlineData(1_435_781_451_781, "1435781451.781")]
    [InlineData(long.MinValue, "-9223372036854775.808")]
    public void Timestamps_are_seconds_with_three_fraction_digits(long ms, string expected)
    {
        Assert.Equal(expected, PromJson.Timestamp(ms));
    }

    [Theory]
    [InlineData(1e21, "1e+21")]
    [InlineData(9.99e20, "999000000000000000000")]
    [InlineData(1e-6, "0.000001")]
    [InlineData(9.9e-7, "9.9e-07")]
    [InlineData(-1e-7, "-1e-07")]
    [InlineData(0.1, "0.1")]
    [InlineData(-0d, "-0")]
    [InlineData(double.NaN, "NaN")]
    [InlineData(double.NegativeInfinity, "-Inf")]
    public void Sample_values_are_written_as_prometheus_marshals_them(double value, string expected)
    {
        Assert.Equal(expected, PromJson.SampleValue(value));
    }
}
