using System.Text.RegularExpressions;
using AirisEpm.MetricsService.Storage;
using AirisEpm.MetricsService.Storage.ClickHouse;
using CsCheck;
using PromMatcher = AirisEpm.PromQl.Model.Matcher;
using MatchOp = AirisEpm.PromQl.Model.MatchOp;

namespace AirisEpm.MetricsService.Tests.Storage.ClickHouse;

/// <summary>
/// Whatever a client puts in a selector, the statement text comes only from the filter's own grammar and every
/// value comes back, in order, as a parameter.
/// </summary>
public sealed partial class SeriesFilterPropertyTests
{
    private static readonly Gen<char> Tricky = Gen.OneOf(Gen.Char, Gen.Char['a', 'z'], Gen.OneOf('\'', '"', '\\', '{', '}', '[', ']', ':', '\n', '\t', '\0', '%', ' '));
    private static readonly Gen<string> Text = Tricky.Array[0, 16].Select(c => new string(c));
    private static readonly Gen<string> LabelName = Gen.OneOf(Gen.Const("__name__"), Tricky.Array[1, 12].Select(c => new string(c)));

    private static readonly Gen<PromMatcher> Matcher = Gen.Select(LabelName, Gen.Enum<MatchOp>(), Text, (name, op, value) =>
        PromMatcher.Create(name, op, op is MatchOp.Regex or MatchOp.NotRegex ? Regex.Escape(value) : value));

    private static readonly Gen<SeriesSelector> Selector = Gen.Select(Gen.Bool, Text, Matcher.Array[0, 6], (named, name, matchers) =>
        new SeriesSelector(named ? name : null, matchers));

    private const string Target = @"(name|labels\[\{p\d+:String\}\])";
    private const string Condition = @"(name = \{p\d+:String\}|" + Target + @" (=|!=) \{p\d+:String\}|(NOT )?match\(" + Target + @", \{p\d+:String\}\))";

    [GeneratedRegex("^(1|" + Condition + "( AND " + Condition + ")*)$")]
    private static partial Regex Grammar();

    [Fact]
    public void The_text_follows_the_grammar_and_the_parameters_are_the_values()
    {
        Selector.Sample(selector =>
        {
            var parameters = new QueryParameters();
            var where = SeriesFilter.Where(selector, parameters);
            var bound = parameters.Query(where).Parameters;

            Assert.Matches(Grammar(), where);
            Assert.Equal(Enumerable.Range(0, bound.Count).Select(i => $"{{p{i}:String}}"), Regex.Matches(where, @"\{p\d+:String\}").Select(m => m.Value));
            Assert.Equal(Expected(selector), bound.Select(p => (string)p.Value));
        }, iter: 2000);
    }

    private static IEnumerable<string> Expected(SeriesSelector selector)
    {
        if (selector.Name is not null)
        {
            yield return selector.Name;
        }

        foreach (var m in selector.Matchers)
        {
            if (m.Name != "__name__")
            {
                yield return m.Name;
            }

            yield return m.Op is MatchOp.Regex or MatchOp.NotRegex ? "^(?s:" + m.Value + ")$" : m.Value;
        }
    }
}
