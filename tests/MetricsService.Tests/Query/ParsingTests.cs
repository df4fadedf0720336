using AirisEpm.MetricsService.Prometheus;
using AirisEpm.MetricsService.Query;
using AirisEpm.MetricsService.Storage;
using Matcher = AirisEpm.PromQl.Model.Matcher;
using MatchOp = AirisEpm.PromQl.Model.MatchOp;

namespace AirisEpm.MetricsService.Tests.Query;

public sealed class ParsingTests
{
    [Theory]
    [InlineData("15", 15_000)]
    [InlineData("0.5", 500)]
    [InlineData("1m", 60_000)]
    [InlineData("1h30m", 5_400_000)]
    [InlineData("250ms", 250)]
    [InlineData("1d", 86_400_000)]
    [InlineData("0", 0)]
    [InlineData("-5", -5_000)]
    public void Durations_parse_as_seconds_or_promql_durations(string text, long expected)
    {
        Assert.True(PromParameters.TryParseDuration(text, out var ms, out _));
        Assert.Equal(expected, ms);
    }

    [Theory]
    [InlineData("", "cannot parse \"\" to a valid duration")]
    [InlineData("1x", "cannot parse \"1x\" to a valid duration")]
    [InlineData("m", "cannot parse \"m\" to a valid duration")]
    [InlineData("1ns", "cannot parse \"1ns\" to a valid duration")]
    [InlineData("1e300", "cannot parse \"1e300\" to a valid duration. It overflows int64")]
    public void Bad_durations_are_refused_with_prometheus_texts(string text, string error)
    {
        Assert.False(PromParameters.TryParseDuration(text, out _, out var message));
        Assert.Equal(error, message);
    }

    [Theory]
    [InlineData("1700000000", 1_700_000_000_000)]
    [InlineData("1700000000.5", 1_700_000_000_500)]
    [InlineData("2023-11-14T22:13:20Z", 1_700_000_000_000)]
    [InlineData("2023-11-15T00:13:20+02:00", 1_700_000_000_000)]
    public void Times_parse_as_rfc3339_or_unix_seconds(string text, long expected)
    {
        Assert.True(QueryTime.TryParseMs(text, out var ms));
        Assert.Equal(expected, ms);
    }

    [Theory]
    [InlineData("yesterday")]
    [InlineData("2023-11-14")]
    [InlineData("Infinity")]
    public void Bad_times_are_refused(string text)
    {
        Assert.False(QueryTime.TryParseMs(text, out _));
    }

    [Theory]
    [InlineData(MatchOp.Regex, "5..", "500", true)]
    [InlineData(MatchOp.Regex, "5..", "1500", false)]
    [InlineData(MatchOp.Regex, "5", "500", false)]
    [InlineData(MatchOp.NotRegex, "5..", "1500", true)]
    [InlineData(MatchOp.Equal, "", null, true)]
    [InlineData(MatchOp.NotEqual, "", null, false)]
    [InlineData(MatchOp.Regex, ".*", null, true)]
    public void Matchers_are_anchored_and_treat_missing_as_empty(MatchOp op, string value, string? actual, bool expected)
    {
        Assert.Equal(expected, Matcher.Create("code", op, value).Matches(actual));
    }
}
