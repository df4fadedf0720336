using AirisEpm.AlertService.Domain.Labels;

namespace AirisEpm.AlertService.Tests.Domain.Labels;

public sealed class MatcherTests
{
    [Theory]
    [InlineData(MatchOperator.Equal, "api", "api", true)]
    [InlineData(MatchOperator.Equal, "api", "api2", false)]
    [InlineData(MatchOperator.NotEqual, "api", "web", true)]
    [InlineData(MatchOperator.Regex, "crit.*", "critical", true)]
    [InlineData(MatchOperator.Regex, "crit", "critical", false)] // fully anchored
    [InlineData(MatchOperator.Regex, "a|b", "ab", false)] // anchoring wraps the alternation
    [InlineData(MatchOperator.NotRegex, "crit.*", "warning", true)]
    [InlineData(MatchOperator.NotRegex, "crit.*", "critical", false)]
    public void Matches_values_with_prometheus_semantics(MatchOperator type, string value, string input, bool expected)
    {
        Assert.Equal(expected, Matcher.Create("severity", type, value).Matches(input));
    }

    [Fact]
    public void Absent_label_is_matched_as_empty_string()
    {
        var labels = LabelSet.Of(("job", "api"));
        Assert.True(Matcher.Create("env", MatchOperator.Equal, "").Matches(labels));
        Assert.True(Matcher.Create("env", MatchOperator.NotEqual, "prod").Matches(labels));
        Assert.True(Matcher.Create("env", MatchOperator.Regex, ".*").MatchesEmpty);
        Assert.False(Matcher.Create("env", MatchOperator.Regex, ".+").MatchesEmpty);
    }

    [Theory]
    [InlineData(false, true, MatchOperator.Equal)]
    [InlineData(false, false, MatchOperator.NotEqual)]
    [InlineData(true, true, MatchOperator.Regex)]
    [InlineData(true, false, MatchOperator.NotRegex)]
    public void Api_v2_flags_round_trip(bool isRegex, bool isEqual, MatchOperator type)
    {
        var matcher = Matcher.FromApi("a", "b", isRegex, isEqual);
        Assert.Equal(type, matcher.Operator);
        Assert.Equal((isRegex, isEqual), (matcher.IsRegex, matcher.IsEqual));
    }

    [Fact]
    public void Invalid_regex_and_name_are_rejected_with_reason()
    {
        var ex = Assert.Throws<MatcherException>(() => Matcher.Create("a", MatchOperator.Regex, "(unclosed"));
        Assert.Contains("invalid regular expression", ex.Reason);
        Assert.Throws<MatcherException>(() => Matcher.Create("a", MatchOperator.Regex, "(a)\\1")); // backreference: not RE2
        Assert.Contains("invalid label name", Assert.Throws<MatcherException>(() => Matcher.Create("1x", MatchOperator.Equal, "v")).Reason);
    }
}
