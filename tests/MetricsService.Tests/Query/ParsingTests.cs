using AirisEpm.MetricsService.Query;
using AirisEpm.MetricsService.Storage;

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
    public void Durations_parse(string text, long expected)
    {
        Assert.True(PromDuration.TryParseMs(text, out var ms));
        Assert.Equal(expected, ms);
    }

    [Theory]
    [InlineData("")]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("1x")]
    [InlineData("m")]
    [InlineData("NaN")]
    public void Bad_durations_are_refused(string text)
    {
        Assert.False(PromDuration.TryParseMs(text, out _));
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

    [Fact]
    public void Selectors_parse_every_operator_and_escape()
    {
        Assert.True(SelectorParser.TryParse("http_requests_total{job=\"api\", code=~\"5..\",path!=\"/a\\\"b\", env !~ \"dev|test\"}", out var s, out var error), error);

        Assert.Equal("http_requests_total", s.Name);
        Assert.Equal(["job=\"api\"", "code=~\"5..\"", "path!=\"/a\"b\"", "env!~\"dev|test\""], s.Matchers.Select(m => m.ToString()));
    }

    [Fact]
    public void A_name_matcher_becomes_the_metric_name()
    {
        Assert.True(SelectorParser.TryParse("{__name__=\"up\",job=\"x\"}", out var s, out _));

        Assert.Equal("up", s.Name);
        Assert.Single(s.Matchers);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("{}", "name or at least one matcher")]
    [InlineData("{job=api}", "double-quoted")]
    [InlineData("{job=\"api\"", "Expected ',' or '}'")]
    [InlineData("{code=~\"5(\"}", "Invalid regex")]
    [InlineData("{job==\"a\"}", "double-quoted")]
    [InlineData("1up", "not a valid metric name")]
    [InlineData("{job\"a\"}", "Expected =")]
    public void Bad_selectors_say_why(string text, string reason)
    {
        Assert.False(SelectorParser.TryParse(text, out _, out var error));
        Assert.Contains(reason, error);
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
        Assert.Equal(expected, new LabelMatcher("code", op, value).Matches(actual));
    }
}
