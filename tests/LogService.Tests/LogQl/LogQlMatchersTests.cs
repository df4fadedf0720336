using AirisEpm.LogService.LogQl.Syntax;
using AirisEpm.PromQl.Model;

namespace AirisEpm.LogService.Tests.LogQl;

/// <summary>LogQL's matchers are PromQL's <see cref="Matcher"/>, with regexes in RE2's spelling, anchored, and <c>.</c> matching a newline as in Prometheus.</summary>
public sealed class LogQlMatchersTests
{
    [Theory]
    [InlineData("a.*", "abc", true)]
    [InlineData("a.*", "xabc", false)]
    [InlineData("b", "abc", false)]
    [InlineData("a.c", "a\nc", true)]
    [InlineData("[[:alpha:]]+", "abc", true)]
    [InlineData("[[:alpha:]]+", "ab1", false)]
    [InlineData("(?P<x>a)b", "ab", true)]
    [InlineData("\\pL+", "été", true)]
    public void Regex_matchers_match_whole_values_in_re2_spelling(string pattern, string value, bool matches)
    {
        var matcher = LogQlMatchers.Create("l", MatchOp.Regex, pattern);
        Assert.Equal(matches, matcher.Matches(value));
        Assert.Equal(!matches, LogQlMatchers.Create("l", MatchOp.NotRegex, pattern).Matches(value));
        Assert.Equal(pattern, matcher.Value);
    }

    [Fact]
    public void Absent_labels_match_as_empty_and_print_as_prometheus_does()
    {
        var matcher = LogQlMatchers.Create("env", MatchOp.NotEqual, "prod");
        Assert.True(matcher.MatchesEmpty);
        Assert.True(matcher.Matches((string?)null));
        Assert.False(LogQlMatchers.Create("env", MatchOp.Regex, ".+").MatchesEmpty);
        Assert.Equal("env!=\"prod\"", matcher.ToString());
        Assert.Equal("a=~\"x\\\\d\\n\"", LogQlMatchers.Create("a", MatchOp.Regex, "x\\d\n").ToString());
    }

    [Fact]
    public void Invalid_patterns_are_refused_with_the_pattern_named()
    {
        var error = Assert.Throws<ArgumentException>(() => LogQlMatchers.Create("a", MatchOp.Regex, "("));
        Assert.Contains("invalid regular expression \"(\"", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentNullException>(() => Matcher.Create("a", MatchOp.Regex, "x", compiled: null));
    }
}
