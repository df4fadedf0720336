using AirisEpm.PromQl.Model;
using CsCheck;

namespace AirisEpm.PromQl.Tests.Model;

/// <summary>Alertmanager's matcher syntax and API v2 form over the one <see cref="Matcher"/>.</summary>
public sealed class AlertmanagerMatchersTests
{
    [Fact]
    public void Parses_a_braced_list_with_every_operator()
    {
        var matchers = AlertmanagerMatchers.Parse("{alertname=\"X\", severity=~\"crit.*\",env!=\"dev\", team!~\"a|b\"}");
        Assert.Equal(["alertname=\"X\"", "severity=~\"crit.*\"", "env!=\"dev\"", "team!~\"a|b\""], matchers.Select(m => m.ToString()));
        Assert.Equal("{alertname=\"X\",severity=~\"crit.*\",env!=\"dev\",team!~\"a|b\"}", matchers.Format());
    }

    [Fact]
    public void Parses_bare_values_unbraced_lists_and_escapes()
    {
        var matcher = AlertmanagerMatchers.ParseSingle("foo!=bar");
        Assert.Equal(("foo", MatchOp.NotEqual, "bar"), (matcher.Name, matcher.Op, matcher.Value));
        Assert.Equal(2, AlertmanagerMatchers.Parse("a=b , c=~d.*").Count);
        Assert.Empty(AlertmanagerMatchers.Parse("{}"));
        Assert.Equal("a\"b\\c,}", AlertmanagerMatchers.ParseSingle("x=\"a\\\"b\\\\c,}\"").Value);
    }

    [Theory]
    [InlineData("{a=\"b\"", 6, "missing closing '}'")]
    [InlineData("a>b", 1, "expected one of =, !=, =~, !~")]
    [InlineData("{=b}", 1, "expected a label name")]
    [InlineData("a=\"b", 2, "unterminated quoted string")]
    [InlineData("a=~\"(x\"", 3, "invalid regular expression")]
    [InlineData("a=~\"(a)\\\\1\"", 3, "invalid regular expression")]
    [InlineData("a=\"b\" c=d", 6, "unexpected 'c'")]
    [InlineData("a=\"\\q\"", 4, "unknown escape sequence")]
    public void Reports_position_and_reason(string text, int position, string reason)
    {
        Assert.False(AlertmanagerMatchers.TryParse(text, out _, out var error));
        Assert.Equal(position, error!.Position);
        Assert.Contains(reason, error.Reason, StringComparison.Ordinal);
        Assert.Contains($"position {position}", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false, true, MatchOp.Equal)]
    [InlineData(false, false, MatchOp.NotEqual)]
    [InlineData(true, true, MatchOp.Regex)]
    [InlineData(true, false, MatchOp.NotRegex)]
    public void Api_v2_flags_round_trip(bool isRegex, bool isEqual, MatchOp op)
    {
        var matcher = AlertmanagerMatchers.FromApi("a", "b", isRegex, isEqual);
        Assert.Equal(op, matcher.Op);
        Assert.Equal((isRegex, isEqual), (matcher.IsRegex, matcher.IsEqual()));
    }

    [Fact]
    public void A_name_outside_the_classic_form_is_refused_and_a_list_matches_as_a_conjunction()
    {
        Assert.Contains("invalid label name", Assert.Throws<MatcherException>(() => AlertmanagerMatchers.Create("1x", MatchOp.Equal, "v")).Reason, StringComparison.Ordinal);
        var labels = LabelSet.From(("job", "api"), ("env", "prod"));
        Assert.True(AlertmanagerMatchers.Parse("job=api, env=~\"pr.*\", missing=\"\"").MatchesAll(labels));
        Assert.False(AlertmanagerMatchers.Parse("job=api, env=dev").MatchesAll(labels));
    }

    [Fact]
    public void Random_and_mutated_expressions_parse_or_fail_with_a_matcher_error()
    {
        var pieces = Gen.OneOf(Gen.Const("{"), Gen.Const("}"), Gen.Const(","), Gen.Const("="), Gen.Const("!="), Gen.Const("=~"), Gen.Const("!~"),
            Gen.Const("\""), Gen.Const("\\"), Gen.Const("a"), Gen.Const("_b1"), Gen.Const(" "), Gen.Const("(x|"), Gen.Const(".*"), Gen.String[0, 3]);
        pieces.Array[0, 12].Select(p => string.Concat(p)).Sample(text =>
        {
            try
            {
                foreach (var matcher in AlertmanagerMatchers.Parse(text)) _ = matcher.Matches("value");
            }
            catch (MatcherException)
            {
                // the expected refusal
            }
        }, iter: 5_000);
    }
}
