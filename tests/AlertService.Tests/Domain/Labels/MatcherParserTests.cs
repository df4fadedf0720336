using AirisEpm.AlertService.Domain.Labels;

namespace AirisEpm.AlertService.Tests.Domain.Labels;

public sealed class MatcherParserTests
{
    [Fact]
    public void Parses_braced_list_with_all_operators()
    {
        var matchers = MatcherParser.Parse("{alertname=\"X\", severity=~\"crit.*\",env!=\"dev\", team!~\"a|b\"}");
        Assert.Equal(
            ["alertname=\"X\"", "severity=~\"crit.*\"", "env!=\"dev\"", "team!~\"a|b\""],
            matchers.Select(m => m.ToString()));
    }

    [Fact]
    public void Parses_bare_values_and_unbraced_lists()
    {
        var matcher = MatcherParser.ParseSingle("foo!=bar");
        Assert.Equal(("foo", MatchOperator.NotEqual, "bar"), (matcher.Name, matcher.Operator, matcher.Value));
        Assert.Equal(2, MatcherParser.Parse("a=b , c=~d.*").Count);
        Assert.Empty(MatcherParser.Parse("{}"));
    }

    [Fact]
    public void Unescapes_quoted_values()
    {
        Assert.Equal("a\"b\\c,}", MatcherParser.ParseSingle("x=\"a\\\"b\\\\c,}\"").Value);
    }

    [Theory]
    [InlineData("{a=\"b\"", 6, "missing closing '}'")]
    [InlineData("a>b", 1, "expected one of =, !=, =~, !~")]
    [InlineData("{=b}", 1, "expected a label name")]
    [InlineData("a=\"b", 2, "unterminated quoted string")]
    [InlineData("a=~\"(x\"", 3, "invalid regular expression")]
    [InlineData("a=\"b\" c=d", 6, "unexpected 'c'")]
    [InlineData("a=\"\\q\"", 4, "unknown escape sequence")]
    public void Reports_position_and_reason(string text, int position, string reason)
    {
        Assert.False(MatcherParser.TryParse(text, out _, out var error));
        Assert.Equal(position, error!.Position);
        Assert.Contains(reason, error.Reason);
        Assert.Contains($"position {position}", error.Message);
    }
}
