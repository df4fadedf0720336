using AirisEpm.MetricsService.Prometheus;

namespace AirisEpm.MetricsService.Tests.Prometheus;

/// <summary>Prometheus's parameter parsers; the figures are Prometheus 2.42's answers for the same text.</summary>
public sealed class PromParametersTests
{
    [Theory]
    [InlineData("1435781451.781", 1_435_781_451_781)]
    [InlineData("1.0015", 1_002)]
    [InlineData("1.0025", 1_002)]
    [InlineData("0.29", 290)]
    [InlineData("-1.5", -1_500)]
    [InlineData("-0.001", -1)]
    [InlineData("1e3", 1_000_000)]
    [InlineData("1e-4", 0)]
    [InlineData("NaN", -9_223_372_036_854)]
    [InlineData("Inf", -9_223_372_036_854)]
    [InlineData("2015-07-01T20:10:51.781Z", 1_435_781_451_781)]
    [InlineData("2015-07-01T20:10:51Z", 1_435_781_451_000)]
    [InlineData("2015-07-01T20:10:51+02:00", 1_435_774_251_000)]
    [InlineData("2015-07-01T20:10:51.7819999-01:30", 1_435_786_851_781)]
    [InlineData("-292273086-05-16T16:47:06Z", PromParameters.MinTimeMs)]
    [InlineData("292277025-08-18T07:12:54.999999999Z", PromParameters.MaxTimeMs)]
    public void Times_parse_as_prometheus_parses_them(string text, long expected)
    {
        Assert.True(PromParameters.TryParseTime(text, out var ms, out _));
        Assert.Equal(expected, ms);
    }

    [Theory]
    [InlineData("0x10")]
    [InlineData("abc")]
    [InlineData(" 1")]
    [InlineData("")]
    [InlineData("2015-07-01 20:10:51Z")]
    [InlineData("2015-07-01T20:10:51")]
    [InlineData("2015-02-30T20:10:51Z")]
    [InlineData("2015-07-01T24:00:00Z")]
    [InlineData("2015-07-01t20:10:51z")]
    public void Other_text_is_not_a_time(string text)
    {
        Assert.False(PromParameters.TryParseTime(text, out _, out var error));
        Assert.Equal($"cannot parse \"{text}\" to a valid timestamp", error);
    }
}
