using System.Globalization;
using AirisEpm.GoTemplates;
using CsCheck;

namespace AirisEpm.PromQl.Tests.Model;

/// <summary>Go's strconv.FormatFloat, which PromFloat writes with; expected texts are what Go 1.22 prints.</summary>
public sealed class GoFloatTests
{
    [Theory]
    [InlineData(0.000123, 'f', 2, "0.00")]
    [InlineData(0.0001234, 'f', 6, "0.000123")]
    [InlineData(1.5, 'f', 3, "1.500")]
    [InlineData(123.456, 'f', 1, "123.5")]
    [InlineData(2.5, 'f', 0, "2")]
    [InlineData(3.5, 'f', 0, "4")]
    [InlineData(9.999, 'f', 2, "10.00")]
    [InlineData(0.0, 'f', 2, "0.00")]
    [InlineData(123.0, 'f', -1, "123")]
    [InlineData(1e21, 'f', -1, "1000000000000000000000")]
    [InlineData(1e-7, 'f', -1, "0.0000001")]
    [InlineData(-0.5, 'f', -1, "-0.5")]
    [InlineData(12345.678, 'e', 3, "1.235e+04")]
    [InlineData(0.00001, 'g', -1, "1e-05")]
    [InlineData(123456789.0, 'g', 4, "1.235e+08")]
    public void Formats_as_go_does(double value, char format, int precision, string expected) =>
        Assert.Equal(expected, GoFloat.Format(value, format, precision));

    [Fact]
    public void Fixed_precision_is_within_half_a_unit_of_the_last_place() =>
        Gen.Select(Gen.Double[-1e12, 1e12], Gen.Int[0, 12]).Sample((value, precision) =>
        {
            var text = GoFloat.Format(value, 'f', precision);
            var dot = text.IndexOf('.', StringComparison.Ordinal);
            var decimals = dot < 0 ? 0 : text.Length - dot - 1;
            var back = double.Parse(text, CultureInfo.InvariantCulture);
            return decimals == precision && Math.Abs(back - value) <= (0.5 * Math.Pow(10, -precision)) + (Math.Abs(value) * 1e-15);
        }, iter: 20_000);
}
