using AirisEpm.PromQl.Engine.Functions;
using CsCheck;

namespace AirisEpm.PromQl.Tests.Engine;

public sealed class GoRegexTemplateTests
{
    [Theory]
    [InlineData("(.*):(.*)", "host:80", "$2 ${1}", "80 host")]
    [InlineData("(.*):(.*)", "host:80", "$1x", "")]
    [InlineData("(.*):(.*)", "host:80", "${1}x", "hostx")]
    [InlineData("(.*)", "a", "$$1", "$1")]
    [InlineData("(.*)", "a", "$", "$")]
    [InlineData("(.*)", "a", "${", "${")]
    [InlineData("(?P<first>.)(.)", "ab", "$2$first$3", "ba")]
    [InlineData("(?<first>.)[(](.)", "a(b", "$2", "b")]
    [InlineData("a|b", "b", "$0-$01", "b-")]
    public void Expands_as_gos_regexp(string pattern, string value, string template, string expected) =>
        Assert.Equal(expected, GoRegexTemplate.TryCompile(pattern)!.Replace(value, template));

    [Fact]
    public void A_value_that_does_not_match_the_anchored_pattern_is_left_alone()
    {
        Assert.Null(GoRegexTemplate.TryCompile("b")!.Replace("abc", "x"));
        Assert.Null(GoRegexTemplate.TryCompile("a")!.Replace("a\n", "x"));
    }

    [Fact]
    public void Invalid_patterns_do_not_compile()
    {
        Assert.Null(GoRegexTemplate.TryCompile("("));
        Assert.Null(GoRegexTemplate.TryCompile("(?=a)"));
    }

    [Fact]
    public void Any_pattern_and_template_gives_an_answer_or_null_never_an_exception() =>
        Gen.Select(Gen.Char["ab.*+?()[]{}|^$\\:P<>-1$"].Array[0, 16], Gen.Char["ab${}_12x"].Array[0, 12], Gen.String[0, 12])
            .Sample((pattern, template, value) =>
            {
                var regex = GoRegexTemplate.TryCompile(new string(pattern));
                _ = regex?.Replace(value, new string(template));
            }, iter: 5_000);
}
