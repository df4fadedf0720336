using System.Text;
using AirisEpm.MetricsService.Prometheus;
using CsCheck;

namespace AirisEpm.MetricsService.Tests.Prometheus;

/// <summary>The span writers of a sample's time and value give exactly the bytes of the string writers they replace.</summary>
public sealed class SampleTextTests
{
    [Theory]
    [InlineData(0.0, "0")]
    [InlineData(-0.0, "-0")]
    [InlineData(1.5, "1.5")]
    [InlineData(0.1, "0.1")]
    [InlineData(1e-5, "0.00001")]
    [InlineData(1.5e-6, "0.0000015")]
    [InlineData(1e-7, "1e-07")]
    [InlineData(123456789012345.6, "123456789012345.6")]
    [InlineData(1e15, "1000000000000000")]
    [InlineData(1e21, "1e+21")]
    [InlineData(-2.5e20, "-250000000000000000000")]
    [InlineData(double.NaN, "NaN")]
    [InlineData(double.PositiveInfinity, "+Inf")]
    [InlineData(double.NegativeInfinity, "-Inf")]
    public void A_value_is_written_as_prometheus_writes_it(double value, string expected)
    {
        Assert.Equal(expected, Value(value));
        Assert.Equal(PromJson.SampleValue(value), Value(value));
    }

    [Theory]
    [InlineData(0L, "0")]
    [InlineData(1_700_000_000_000L, "1700000000")]
    [InlineData(1_700_000_000_005L, "1700000000.005")]
    [InlineData(1_700_000_000_500L, "1700000000.500")]
    [InlineData(999L, "0.999")]
    [InlineData(-1_500L, "-1.500")]
    [InlineData(long.MaxValue, "9223372036854775.807")]
    [InlineData(long.MinValue, "-9223372036854775.808")]
    public void A_time_is_written_as_prometheus_writes_it(long timeMs, string expected)
    {
        Assert.Equal(expected, Timestamp(timeMs));
        Assert.Equal(PromJson.Timestamp(timeMs), Timestamp(timeMs));
    }

    [Fact]
    public void Any_value_gives_the_string_writers_bytes() =>
        Gen.Double.Sample(value => Value(value) == PromJson.SampleValue(value), iter: 50_000);

    [Fact]
    public void Any_value_of_any_bit_pattern_gives_the_string_writers_bytes() =>
        Gen.ULong.Select(BitConverter.UInt64BitsToDouble).Sample(value => Value(value) == PromJson.SampleValue(value), iter: 50_000);

    [Fact]
    public void Any_value_in_the_fast_range_gives_the_string_writers_bytes() =>
        Gen.OneOf(Gen.Double[-1e15, 1e15], Gen.Double[-1e3, 1e3], Gen.Double[-1e-3, 1e-3], Gen.Int.Select(i => i / 1000.0))
            .Sample(value => Value(value) == PromJson.SampleValue(value), iter: 50_000);

    [Fact]
    public void Any_time_gives_the_string_writers_bytes() =>
        Gen.Long.Sample(ms => Timestamp(ms) == PromJson.Timestamp(ms), iter: 50_000);

    private static string Value(double value)
    {
        Span<byte> buffer = stackalloc byte[SampleText.MaxBytes];
        return Encoding.UTF8.GetString(buffer[..SampleText.Value(value, buffer)]);
    }

    private static string Timestamp(long timeMs)
    {
        Span<byte> buffer = stackalloc byte[SampleText.MaxBytes];
        return Encoding.UTF8.GetString(buffer[..SampleText.Timestamp(timeMs, buffer)]);
    }
}
