using AirisEpm.PromQl.Model;
using CsCheck;

namespace AirisEpm.PromQl.Tests.Model;

public sealed class PromFloatTests
{
    [Theory]
    [InlineData(0.0, "0")]
    [InlineData(-0.0, "-0")]
    [InlineData(1.5, "1.5")]
    [InlineData(1e21, "1000000000000000000000")]
    [InlineData(1e-7, "0.0000001")]
    [InlineData(123456789.125, "123456789.125")]
    [InlineData(0.1, "0.1")]
    [InlineData(double.NaN, "NaN")]
    [InlineData(double.PositiveInfinity, "+Inf")]
    [InlineData(double.NegativeInfinity, "-Inf")]
    public void Format_is_gos_shortest_plain_notation(double value, string expected) => Assert.Equal(expected, PromFloat.Format(value));

    [Theory]
    [InlineData(1.5, "1.5")]
    [InlineData(100000.0, "100000")]
    [InlineData(1e6, "1e+06")]
    [InlineData(1.2345e19, "1.2345e+19")]
    [InlineData(0.0001, "0.0001")]
    [InlineData(0.00001, "1e-05")]
    [InlineData(-9.223372036854776e18, "-9.223372036854776e+18")]
    public void FormatG_is_gos_percent_g(double value, string expected) => Assert.Equal(expected, PromFloat.FormatG(value));

    [Theory]
    [InlineData("+Inf", double.PositiveInfinity)]
    [InlineData("inf", double.PositiveInfinity)]
    [InlineData("-Infinity", double.NegativeInfinity)]
    [InlineData("NaN", double.NaN)]
    [InlineData("0.25", 0.25)]
    [InlineData("1e3", 1000)]
    [InlineData("-.5", -0.5)]
    public void TryParse_reads_what_go_reads(string text, double expected)
    {
        Assert.True(PromFloat.TryParse(text, out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" 1")]
    [InlineData("1 ")]
    [InlineData("1,5")]
    [InlineData("abc")]
    [InlineData("0x")]
    [InlineData("++1")]
    public void TryParse_rejects_what_go_rejects(string text) => Assert.False(PromFloat.TryParse(text, out _));

    [Fact]
    public void Format_reads_back_as_the_same_double() =>
        Gen.Double.Sample(value => double.IsNaN(value) || (PromFloat.TryParse(PromFloat.Format(value), out var back) && back.Equals(value)), iter: 20_000);

    [Fact]
    public void TryParse_never_throws_on_any_text() =>
        Gen.String.Sample(text => PromFloat.TryParse(text, out _) || true, iter: 20_000);

    [Fact]
    public void TryParse_never_throws_on_number_like_text() =>
        Gen.Char["0123456789.eE+-infaINFty "].Array[0, 12].Select(c => new string(c)).Sample(text => PromFloat.TryParse(text, out _) || true, iter: 20_000);
}
