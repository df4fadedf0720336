using AirisEpm.LogService.LogQl.Ast;
using AirisEpm.PromQl.Model;

namespace AirisEpm.LogService.LogQl.Syntax;

/// <summary>Stream selectors, log ranges, label filters and the label lists of drop and keep.</summary>
public sealed partial class LogQlParser
{
    private const string SelectableProblem =
        "queries require at least one regexp or equality matcher that does not have an empty-compatible value. For instance, app=~\".*\" does not meet this requirement, but app=~\".+\" will";

    private LogSelectorExpr ParseLogExpression()
    {
        var start = Current;
        var matchers = ParseMatchers();
        CheckSelectable(matchers, start);
        return new LogSelectorExpr(matchers, ParsePipeline());
    }

    private List<Matcher> ParseMatchers()
    {
        Expect(TokenKind.LeftBrace, "'{' to start a stream selector");
        var matchers = new List<Matcher>();
        while (Current.Kind != TokenKind.RightBrace)
        {
            matchers.Add(ParseMatcher());
            if (Current.Kind != TokenKind.Comma) break;
            Advance();
        }

        Expect(TokenKind.RightBrace, "',' or '}' after a label matcher");
        return matchers;
    }

    private Matcher ParseMatcher()
    {
        var name = Expect(TokenKind.Identifier, "a label name");
        var op = Current.Kind switch
        {
            TokenKind.Equal => MatchOp.Equal,
            TokenKind.NotEqual => MatchOp.NotEqual,
            TokenKind.RegexMatch => MatchOp.Regex,
            TokenKind.RegexNotMatch => MatchOp.NotRegex,
            _ => throw Fail(Current, $"expected =, !=, =~ or !~ after label '{name.Text}', found {Current.Describe()}"),
        };
        Advance();
        var value = Expect(TokenKind.QuotedString, $"a quoted value for label '{name.Text}'");
        return Matcher(name.Text, op, value);
    }

    private Matcher Matcher(string name, MatchOp op, Token value)
    {
        try
        {
            return LogQlMatchers.Create(name, op, value.Text);
        }
        catch (ArgumentException e)
        {
            throw Fail(value, e.Message);
        }
    }

    private void CheckSelectable(List<Matcher> matchers, Token at)
    {
        if (matchers.TrueForAll(m => m.MatchesEmpty))
        {
            throw Fail(at, SelectableProblem);
        }
    }

    /// <summary>
    /// A log range: <c>{…} pipeline [5m] offset 1h</c>, or with the pipeline after the range
    /// (<c>{…}[5m] | json</c>), or parenthesised (<c>({…} |= "x")[5m]</c>); with an <c>| unwrap</c> as the
    /// pipeline's last stage, before or after the range.
    /// </summary>
    private LogRange ParseLogRange()
    {
        var (_, _, range) = ParseRangeCandidate();
        return range ?? throw Fail(Current, $"a range aggregation needs a range after its log selector, as in {{…}}[5m]; found {Current.Describe()}");
    }

    private (LogSelectorExpr Selector, Unwrap? Unwrap, LogRange? Range) ParseRangeCandidate()
    {
        if (Current.Kind == TokenKind.LeftParen)
        {
            Enter(Current);
            Advance();
            var (selector, unwrap, range) = ParseRangeCandidate();
            Expect(TokenKind.RightParen, "')'");
            _depth--;
            return range is not null ? (selector, unwrap, range) : (selector, unwrap, ParseRangeSuffix(selector, unwrap));
        }

        if (Current.Kind != TokenKind.LeftBrace)
        {
            throw Fail(Current, $"expected a log selector such as {{service=\"api\"}}[5m], found {Current.Describe()}");
        }

        var log = ParseLogExpression();
        var before = ParseUnwrap();
        return (log, before, ParseRangeSuffix(log, before));
    }

    private LogRange? ParseRangeSuffix(LogSelectorExpr selector, Unwrap? unwrapBefore)
    {
        if (Current.Kind != TokenKind.LeftBracket)
        {
            return null;
        }

        Advance();
        var duration = Current;
        if (duration.Kind != TokenKind.Duration || !LogQlDuration.TryParse(duration.Text, out var rangeNs) || rangeNs <= 0)
        {
            throw Fail(duration, $"a range is a positive duration such as [5m]; found {duration.Describe()}");
        }

        Advance();
        Expect(TokenKind.RightBracket, "']' to close the range");
        var offsetNs = 0L;
        if (Current.IsWord("offset"))
        {
            Advance();
            var offset = Current;
            if (offset.Kind != TokenKind.Duration || !LogQlDuration.TryParse(offset.Text, out offsetNs))
            {
                throw Fail(offset, $"offset takes a duration such as 1h; found {offset.Describe()}");
            }

            Advance();
        }

        var afterAt = Current;
        var after = ParsePipeline();
        var unwrapAfter = ParseUnwrap();
        if (unwrapBefore is not null && (after.Count > 0 || unwrapAfter is not null))
        {
            throw Fail(afterAt, "unwrap is the last stage of a log range; write the whole pipeline before the range or after it");
        }

        if (after.Count > 0 && selector.Stages.Count > 0)
        {
            throw Fail(afterAt, "a pipeline may stand before or after the range, not both");
        }

        var stages = after.Count > 0 ? after : selector.Stages;
        return new LogRange(selector with { Stages = stages }, rangeNs, offsetNs, unwrapBefore ?? unwrapAfter);
    }

    /// <summary>Whether the pipeline reaches <c>| unwrap</c> (and not a label filter on a label called unwrap).</summary>
    private bool AtUnwrap() =>
        Current.Kind == TokenKind.Pipe && _tokens[_position + 1].IsWord("unwrap") && !IsComparison(_tokens[Math.Min(_position + 2, _tokens.Count - 1)].Kind);

    /// <summary><c>| unwrap label</c> or <c>| unwrap bytes(label)</c>, <c>duration(label)</c>, <c>duration_seconds(label)</c>, then label filters only.</summary>
    private Unwrap? ParseUnwrap()
    {
        if (!AtUnwrap())
        {
            return null;
        }

        Advance();
        Advance();
        var conversion = UnwrapConversion.Number;
        Token label;
        if (Current.Kind == TokenKind.Identifier && _tokens[_position + 1].Kind == TokenKind.LeftParen)
        {
            var function = Advance();
            conversion = function.Text switch
            {
                "bytes" => UnwrapConversion.Bytes,
                "duration" => UnwrapConversion.Duration,
                "duration_seconds" => UnwrapConversion.DurationSeconds,
                _ => throw Fail(function, $"unwrap converts with bytes(…), duration(…) or duration_seconds(…), not {function.Text}(…)"),
            };
            Advance();
            label = Expect(TokenKind.Identifier, $"a label name in {function.Text}(…)");
            Expect(TokenKind.RightParen, $"')' to close {function.Text}(…)");
        }
        else
        {
            label = Expect(TokenKind.Identifier, "a label name after unwrap, as in | unwrap latency or | unwrap duration(latency)");
        }

        var filters = new List<LabelPredicate>();
        while (Current.Kind == TokenKind.Pipe && !AtUnwrap())
        {
            Advance();
            if (Current.Kind is not (TokenKind.Identifier or TokenKind.LeftParen) || !IsComparison(_tokens[_position + 1].Kind) && Current.Kind != TokenKind.LeftParen)
            {
                throw Fail(Current, "only label filters may follow unwrap, as in | unwrap latency | __error__=\"\"");
            }

            filters.Add(ParseLabelOr());
        }

        if (AtUnwrap()) throw Fail(Current, "a log range takes one unwrap");
        return new Unwrap(label.Text, conversion, filters);
    }

    private List<LabelSelection> ParseLabelSelections(string stage)
    {
        var labels = new List<LabelSelection>();
        do
        {
            if (labels.Count > 0) Advance();
            var name = Expect(TokenKind.Identifier, $"a label name after {stage}");
            Matcher? matcher = null;
            if (Current.Kind is TokenKind.Equal or TokenKind.NotEqual or TokenKind.RegexMatch or TokenKind.RegexNotMatch)
            {
                var op = Advance().Kind switch
                {
                    TokenKind.Equal => MatchOp.Equal,
                    TokenKind.NotEqual => MatchOp.NotEqual,
                    TokenKind.RegexMatch => MatchOp.Regex,
                    _ => MatchOp.NotRegex,
                };
                matcher = Matcher(name.Text, op, Expect(TokenKind.QuotedString, $"a quoted value for label '{name.Text}'"));
            }

            labels.Add(new LabelSelection(name.Text, matcher));
        }
        while (Current.Kind == TokenKind.Comma);

        return labels;
    }

    private LabelPredicate ParseLabelOr()
    {
        var left = ParseLabelAnd();
        while (Current.IsWord("or"))
        {
            Advance();
            left = new BinaryLabelPredicate(left, false, ParseLabelAnd());
        }

        return left;
    }

    private LabelPredicate ParseLabelAnd()
    {
        var left = ParseLabelPrimary();
        while (true)
        {
            if (Current.Kind == TokenKind.Comma || Current.IsWord("and"))
            {
                Advance();
            }
            else if (!StartsLabelPredicate())
            {
                return left;
            }

            left = new BinaryLabelPredicate(left, true, ParseLabelPrimary());
        }
    }

    /// <summary>A label predicate written right after another one means <c>and</c> (<c>| status >= 200 status &lt; 300</c>).</summary>
    private bool StartsLabelPredicate() =>
        Current.Kind == TokenKind.LeftParen
        || (Current.Kind == TokenKind.Identifier && IsComparison(_tokens[_position + 1].Kind));

    private LabelPredicate ParseLabelPrimary()
    {
        if (Current.Kind == TokenKind.LeftParen)
        {
            Enter(Current);
            Advance();
            var inner = ParseLabelOr();
            Expect(TokenKind.RightParen, "')' to close the label filter");
            _depth--;
            return inner;
        }

        var name = Expect(TokenKind.Identifier, "a label filter such as status >= 500 or level=\"error\"");
        var opToken = Current;
        if (!IsComparison(opToken.Kind))
        {
            throw Fail(opToken, $"expected a comparison after label '{name.Text}', found {opToken.Describe()}");
        }

        Advance();
        var value = Current;
        if (value.IsWord("ip") && _tokens[_position + 1].Kind == TokenKind.LeftParen)
        {
            throw Unsupported(value, "ip() label filters are not supported");
        }

        if (value.Kind == TokenKind.QuotedString)
        {
            var op = opToken.Kind switch
            {
                TokenKind.Equal => MatchOp.Equal,
                TokenKind.NotEqual => MatchOp.NotEqual,
                TokenKind.RegexMatch => MatchOp.Regex,
                TokenKind.RegexNotMatch => MatchOp.NotRegex,
                _ => throw Fail(opToken, $"'{opToken.Text}' compares numbers, durations or sizes; to compare strings use =, !=, =~ or !~"),
            };
            Advance();
            return new StringLabelPredicate(Matcher(name.Text, op, value));
        }

        var comparison = opToken.Kind switch
        {
            TokenKind.Equal or TokenKind.DoubleEqual => ComparisonOperator.Equal,
            TokenKind.NotEqual => ComparisonOperator.NotEqual,
            TokenKind.Greater => ComparisonOperator.Greater,
            TokenKind.GreaterOrEqual => ComparisonOperator.GreaterOrEqual,
            TokenKind.Less => ComparisonOperator.Less,
            TokenKind.LessOrEqual => ComparisonOperator.LessOrEqual,
            _ => throw Fail(value, $"'{opToken.Text}' takes a quoted string"),
        };
        return ParseNumericPredicate(name.Text, comparison);
    }

    private NumericLabelPredicate ParseNumericPredicate(string name, ComparisonOperator op)
    {
        var value = Current;
        switch (value.Kind)
        {
            case TokenKind.Duration when LogQlDuration.TryParse(value.Text, out var ns):
                Advance();
                return new NumericLabelPredicate(name, op, ns / 1e9, NumericUnit.Duration);
            case TokenKind.Bytes when ByteSize.TryParseLiteral(value.Text, out var bytes):
                Advance();
                return new NumericLabelPredicate(name, op, bytes, NumericUnit.Bytes);
            case TokenKind.Number or TokenKind.Plus or TokenKind.Minus:
                var number = (NumberLiteral)ParseUnary();
                return new NumericLabelPredicate(name, op, number.Value, NumericUnit.Number);
            default:
                throw Fail(value, $"expected a number, a duration, a size or a quoted string after '{name}{op.Symbol()}', found {value.Describe()}");
        }
    }

    private static bool IsComparison(TokenKind kind) => kind is TokenKind.Equal or TokenKind.NotEqual or TokenKind.RegexMatch or TokenKind.RegexNotMatch
        or TokenKind.DoubleEqual or TokenKind.Greater or TokenKind.GreaterOrEqual or TokenKind.Less or TokenKind.LessOrEqual;
}
