using AirisEpm.PromQl.Model;

namespace AirisEpm.PromQl.Tests.Model;

/// <summary>Go's <c>$</c> is the end of the text; .NET's also matches before a final newline, which Prometheus does not.</summary>
public sealed class MatcherAnchoringTests
{
    [Theory]
    [InlineData("a", "a\n", false)]
    [InlineData("a\n", "a\n", true)]
    [InlineData("a.", "a\n", true)]
    [InlineData("a$", "a", true)]
    public void A_regex_matches_the_whole_value_only(string regex, string value, bool expected) =>
        Assert.Equal(expected, Matcher.Create("l", MatchOp.Regex, regex).Matches(value));
}
