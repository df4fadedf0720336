using AirisEpm.PromQl.Model;

namespace AirisEpm.PromQl.Tests.Model;

public sealed class LabelNamesTests
{
    [Theory]
    [InlineData("job", true, true)]
    [InlineData("_a1", true, true)]
    [InlineData("a:b", false, true)]
    [InlineData(":a", false, true)]
    [InlineData("1a", false, false)]
    [InlineData("a.b", false, false)]
    [InlineData("é", false, false)]
    [InlineData("", false, false)]
    public void Tells_legacy_label_and_metric_names(string name, bool label, bool metric)
    {
        Assert.Equal(label, LabelNames.IsLegacyLabelName(name));
        Assert.Equal(metric, LabelNames.IsLegacyMetricName(name));
    }

    [Theory]
    [InlineData("job", "job")]
    [InlineData("a.b", "\"a.b\"")]
    [InlineData("", "\"\"")]
    [InlineData("a:b", "\"a:b\"")]
    public void Quotes_names_that_are_not_legacy(string name, string formatted) => Assert.Equal(formatted, LabelNames.Format(name));

    [Fact]
    public void Matchers_print_quoted_utf8_names() =>
        Assert.Equal("\"service.name\"=~\"a|b\"", Matcher.Create("service.name", MatchOp.Regex, "a|b").ToString());

    [Fact]
    public void A_matcher_that_cannot_be_built_says_why()
    {
        Assert.False(Matcher.TryCreate("a", MatchOp.Regex, "(", out var matcher, out var error));
        Assert.Null(matcher);
        Assert.StartsWith("error parsing regexp: ", error, StringComparison.Ordinal);
        Assert.True(Matcher.TryCreate("a", MatchOp.NotEqual, "(", out matcher, out _));
        Assert.True(matcher.Matches("b"));
    }
}
