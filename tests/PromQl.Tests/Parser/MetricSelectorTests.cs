using AirisEpm.PromQl.Parser;

namespace AirisEpm.PromQl.Tests.Parser;

/// <summary><see cref="PromQlParser.ParseMetricSelector"/>: series selectors such as <c>match[]</c>, as Prometheus's <c>ParseMetricSelector</c>.</summary>
public sealed class MetricSelectorTests
{
    [Theory]
    [InlineData("up", "__name__=\"up\"")]
    [InlineData("up{job=\"api\", instance=~\"a.*\"}", "job=\"api\", instance=~\"a.*\", __name__=\"up\"")]
    [InlineData("{\"my.metric\", env!=\"dev\"}", "__name__=\"my.metric\", env!=\"dev\"")]
    [InlineData("sum{a=\"b\"}", "a=\"b\", __name__=\"sum\"")]
    [InlineData("  job:rate5m{a=\"b\",}  ", "a=\"b\", __name__=\"job:rate5m\"")]
    [InlineData("{}", "")]
    [InlineData("{a=\"\"}", "a=\"\"")]
    public void Gives_the_matchers_without_type_checks(string selector, string matchers) =>
        Assert.Equal(matchers, string.Join(", ", PromQlParser.ParseMetricSelector(selector)));

    [Theory]
    [InlineData("", "unknown position: parse error: unexpected end of input")]
    [InlineData("up[5m]", "1:3: parse error: unexpected \"[\"")]
    [InlineData("sum(x)", "1:4: parse error: unexpected \"(\"")]
    [InlineData("up offset 5m", "1:4: parse error: unexpected <offset>")]
    [InlineData("1", "1:1: parse error: unexpected number \"1\"")]
    [InlineData("up{a=b}", "1:6: parse error: unexpected identifier \"b\" in label matching, expected string")]
    [InlineData("up{a=~\"(\"}", "1:4: parse error: error parsing regexp: ")]
    [InlineData("up{", "1:4: parse error: unexpected end of input inside braces")]
    public void Refuses_anything_but_one_selector(string selector, string message) =>
        Assert.StartsWith(message, Assert.Throws<ParseException>(() => PromQlParser.ParseMetricSelector(selector)).Message, StringComparison.Ordinal);
}
