using System.Globalization;
using AirisEpm.LogService.LogQl.Ast;
using AirisEpm.PromQl.Engine.Functions;
using AirisEpm.PromQl.Model;

namespace AirisEpm.LogService.LogQl.Syntax;

/// <summary>Functions: <c>vector</c>, range aggregations, vector aggregations and <c>label_replace</c>, with the checks Loki makes on each.</summary>
public sealed partial class LogQlParser
{
    private SampleExpr ParseFunction(Token name)
    {
        if (name.Text == "vector")
        {
            Advance();
            Expect(TokenKind.LeftParen, "'(' after vector");
            if (Current.Kind is not (TokenKind.Number or TokenKind.Plus or TokenKind.Minus)) throw Fail(Current, "vector takes a number, as in vector(1)");
            var value = (NumberLiteral)ParseUnary();
            Expect(TokenKind.RightParen, "')'");
            return new VectorLiteral(value.Value);
        }

        if (RangeFunction.All.ContainsKey(name.Text))
        {
            return ParseRangeAggregation(name);
        }

        if (VectorFunction.Supported.ContainsKey(name.Text) || VectorFunction.Unsupported.Contains(name.Text))
        {
            return ParseVectorAggregation(name);
        }

        if (name.Text is "label_replace")
        {
            return ParseLabelReplace(name);
        }

        throw Fail(name, $"unexpected '{name.Text}'; expected a log selector such as {{service=\"api\"}}, a number, vector(…) or an aggregation such as sum(…) or count_over_time(…)");
    }

    /// <summary>
    /// <c>fn([parameter,] log_range) [by|without (…)]</c>, checked as Loki's <c>RangeAggregationExpr.validate</c>:
    /// a parameter only for <c>quantile_over_time</c> (and required there), grouping only for the functions that
    /// take it, unwrap required or refused by function; the errors carry Loki's texts.
    /// </summary>
    private RangeAggregationExpr ParseRangeAggregation(Token name)
    {
        var function = RangeFunction.All[name.Text];
        Enter(name);
        Advance();
        Expect(TokenKind.LeftParen, $"'(' after {name.Text}");
        double? parameter = null;
        if (Current.Kind is TokenKind.Number or TokenKind.Plus or TokenKind.Minus && _tokens[_position + 1].Kind is not TokenKind.LeftBrace)
        {
            var at = Current;
            var value = ((NumberLiteral)ParseUnary()).Value;
            Expect(TokenKind.Comma, $"',' after the parameter of {name.Text}");
            if (!function.TakesParameter) throw Fail(at, $"parameter {_query[at.Offset..Current.Offset].TrimEnd().TrimEnd(',').Trim()} not supported for operation {name.Text}");
            parameter = value;
        }
        else if (function.TakesParameter)
        {
            throw Fail(Current, $"parameter required for operation {name.Text}, as in {name.Text}(0.99, {{…}} | unwrap latency [5m])");
        }

        var rangeAt = Current;
        var range = ParseLogRange();
        Expect(TokenKind.RightParen, $"')' to close {name.Text}(…)");
        var groupingAt = Current;
        var grouping = ParseGrouping();
        if (grouping is not null && !function.AllowsGrouping)
        {
            throw Fail(groupingAt, $"grouping not allowed for {name.Text} aggregation; group with an outer aggregation, as in sum by (level) ({name.Text}(…))");
        }

        if (range.Unwrap is not null && !function.WithUnwrap) throw Fail(rangeAt, $"invalid aggregation {name.Text} with unwrap");
        if (range.Unwrap is null && function.WithoutUnwrap is null)
        {
            throw Fail(rangeAt, $"invalid aggregation {name.Text} without unwrap; add one, as in {name.Text}({{…}} | logfmt | unwrap latency [5m])");
        }

        _depth--;
        return new RangeAggregationExpr(function, range, grouping, parameter);
    }

    /// <summary><c>label_replace(v, "dst", "replacement", "src", "regex")</c>; the regex must compile (Loki: <c>invalid regex in label_replace</c>).</summary>
    private LabelReplaceExpr ParseLabelReplace(Token name)
    {
        Enter(name);
        Advance();
        Expect(TokenKind.LeftParen, "'(' after label_replace");
        var innerToken = Current;
        var inner = AsSample(ParseExpression(0), innerToken);
        if (IsScalar(inner)) throw Fail(innerToken, "label_replace takes a vector, such as rate(…), not a number");
        var strings = new List<string>();
        foreach (var what in (string[])["the destination label", "the replacement", "the source label", "the regex"])
        {
            Expect(TokenKind.Comma, $"',' before {what} of label_replace(v, \"dst\", \"replacement\", \"src\", \"regex\")");
            strings.Add(Expect(TokenKind.QuotedString, $"{what} as a quoted string").Text);
        }

        var regexToken = _tokens[_position - 1];
        Expect(TokenKind.RightParen, "')' to close label_replace(…)");
        if (strings[3].Length > LogQlRegex.MaxPatternLength || GoRegexTemplate.TryCompile(strings[3]) is null)
        {
            throw Fail(regexToken, $"invalid regex in label_replace: {PromQlString.Quote(strings[3])} is not a valid regular expression");
        }

        _depth--;
        return new LabelReplaceExpr(inner, strings[0], strings[1], strings[2], strings[3]);
    }

    private VectorAggregationExpr ParseVectorAggregation(Token name)
    {
        if (!VectorFunction.Supported.TryGetValue(name.Text, out var function))
        {
            throw Unsupported(name, $"{name.Text} is not supported; the supported aggregations are {string.Join(", ", VectorFunction.Supported.Keys)}");
        }

        Enter(name);
        Advance();
        var grouping = ParseGrouping();
        Expect(TokenKind.LeftParen, $"'(' after {name.Text}");
        int? parameter = null;
        if (function.TakesParameter)
        {
            var k = Current;
            if (k.Kind != TokenKind.Number || !int.TryParse(k.Text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < 1)
            {
                throw Fail(k, $"{name.Text} takes a positive whole number first, as in {name.Text}(5, …)");
            }

            Advance();
            Expect(TokenKind.Comma, $"',' after the parameter of {name.Text}");
            parameter = value;
        }
        else if (Current.Kind == TokenKind.Number && _tokens[_position + 1].Kind == TokenKind.Comma)
        {
            throw Fail(Current, $"{name.Text} takes no parameter");
        }

        var innerToken = Current;
        var inner = AsSample(ParseExpression(0), innerToken);
        if (IsScalar(inner))
        {
            throw Fail(innerToken, $"{name.Text} aggregates a vector, such as count_over_time(…), not a number");
        }

        Expect(TokenKind.RightParen, $"')' to close {name.Text}(…)");
        var after = ParseGrouping();
        if (after is not null && grouping is not null)
        {
            throw Fail(Current, $"{name.Text} has two groupings; give one, before or after its argument");
        }

        if (!function.AllowsGroupingLabels && (grouping ?? after) is { Labels.Count: > 0 })
        {
            throw Fail(name, "sort and sort_desc doesn't allow grouping by labels");
        }

        _depth--;
        return new VectorAggregationExpr(function, grouping ?? after, parameter, inner);
    }

    private Grouping? ParseGrouping()
    {
        if (!Current.IsWord("by") && !Current.IsWord("without"))
        {
            return null;
        }

        var without = Advance().Text == "without";
        return new Grouping(without, ParseLabelList(without ? "without" : "by"));
    }
}
