using AirisEpm.PromQl.Model;

namespace AirisEpm.PromQl.Tests.Model;

public sealed class MatcherTests
{
    [Theory]
    [InlineData(MatchOp.Equal, "api", "api", true)]
    [InlineData(MatchOp.Equal, "", null, true)]
    [InlineData(MatchOp.NotEqual, "api", null, true)]
    [InlineData(MatchOp.Regex, "ap.", "api", true)]
    [InlineData(MatchOp.Regex, "ap", "api", false)]
    [InlineData(MatchOp.Regex, "a.b", "a\nb", true)]
    [InlineData(MatchOp.NotRegex, "a|b", "c", true)]
    [InlineData(MatchOp.NotRegex, ".*", null, false)]
    public void Matches_as_prometheus_3(MatchOp op, string value, string? actual, bool expected) =>
        Assert.Equal(expected, Matcher.Create("job", op, value).Matches(actual));

    [Fact]
    public void An_invalid_regex_is_an_argument_error_naming_the_parse_failure()
    {
        var error = Assert.Throws<ArgumentException>(() => Matcher.Create("job", MatchOp.Regex, "(a"));
        Assert.StartsWith("error parsing regexp", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Prints_with_go_quoting() =>
        Assert.Equal("path=~\"a\\\"b\\n\"", Matcher.Create("path", MatchOp.Regex, "a\"b\n").ToString());
}
