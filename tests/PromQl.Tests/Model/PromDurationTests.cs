using AirisEpm.PromQl.Model;
using CsCheck;

namespace AirisEpm.PromQl.Tests.Model;

public sealed class PromDurationTests
{
    [Theory]
    [InlineData("0", 0L)]
    [InlineData("250ms", 250L)]
    [InlineData("30s", 30_000L)]
    [InlineData("5m", 300_000L)]
    [InlineData("1h30m", 5_400_000L)]
    [InlineData("1d", 86_400_000L)]
    [InlineData("2w", 1_209_600_000L)]
    [InlineData("1y", 31_536_000_000L)]
    [InlineData("1m30s500ms", 90_500L)]
    public void Parses_prometheus_durations(string text, long expectedMs) =>
        Assert.Equal(expectedMs, PromDuration.ParseMs(text));

    [Theory]
    [InlineData("")]
    [InlineData("5")]
    [InlineData("m")]
    [InlineData("30m1h")]
    [InlineData("1h1h")]
    [InlineData("1.5h")]
    [InlineData("-5m")]
    [InlineData("5M")]
    [InlineData("99999999999999999999y")]
    public void Rejects_what_prometheus_rejects(string text) =>
        Assert.False(PromDuration.TryParseMs(text, out _));

    [Theory]
    [InlineData(0L, "0s")]
    [InlineData(90_500L, "1m30s500ms")]
    [InlineData(5_400_000L, "1h30m")]
    [InlineData(691_200_000L, "8d")]
    [InlineData(1_209_600_000L, "2w")]
    [InlineData(7_776_000_000L, "90d")]
    [InlineData(31_536_000_000L, "1y")]
    [InlineData(-300_000L, "-5m")]
    public void Formats_largest_unit_first(long ms, string expected) =>
        Assert.Equal(expected, PromDuration.Format(ms));

    [Fact]
    public void Format_then_parse_is_the_identity_for_positive_durations() =>
        Gen.Long[0, 100L * 365 * 86_400_000].Sample(ms => PromDuration.ParseMs(PromDuration.Format(ms)) == ms);
}
