using AirisEpm.PromQlTest.Scripts;

namespace AirisEpm.PromQl.Tests.Scripts;

public sealed class ScriptNumberTests
{
    [Theory]
    [InlineData("12", 12)]
    [InlineData("-3", -3)]
    [InlineData("+3", 3)]
    [InlineData("0x1f", 31)]
    [InlineData("-0X10", -16)]
    [InlineData("0o17", 15)]
    [InlineData("017", 15)]
    [InlineData("089", 89)]
    [InlineData("0b101", 5)]
    [InlineData("1.5e3", 1500)]
    [InlineData(".25", 0.25)]
    [InlineData("0.5", 0.5)]
    [InlineData("Inf", double.PositiveInfinity)]
    [InlineData("-inf", double.NegativeInfinity)]
    [InlineData("+Infinity", double.PositiveInfinity)]
    public void Reads_go_numbers(string text, double expected)
    {
        Assert.True(ScriptNumber.TryParse(text, out var value));
        Assert.Equal(expected, value);
    }

    [Fact]
    public void Reads_nan()
    {
        Assert.True(ScriptNumber.TryParse("NaN", out var value));
        Assert.True(double.IsNaN(value));
    }

    [Theory]
    [InlineData("")]
    [InlineData(" 1")]
    [InlineData("1 2")]
    [InlineData("{} 1")]
    [InlineData("up")]
    [InlineData("1,000")]
    [InlineData("0x")]
    [InlineData("1+1x2")]
    [InlineData("-")]
    public void Rejects_what_is_not_one_number(string text) => Assert.False(ScriptNumber.TryParse(text, out _));
}
