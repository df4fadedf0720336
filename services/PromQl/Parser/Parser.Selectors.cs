using AirisEpm.PromQl.Ast;
using AirisEpm.PromQl.Model;

namespace AirisEpm.PromQl.Parser;

/// <summary>Vector selectors: <c>name</c>, <c>name{matchers}</c>, <c>{matchers}</c>, with Prometheus 3's quoted names (<c>{"a.b"="c"}</c>, <c>{"my.metric"}</c>).</summary>
internal sealed partial class Parser
{
    /// <summary>The whole input as one selector, for <c>match[]</c> parameters: no type checks, as Prometheus's <c>ParseMetricSelector</c>.</summary>
    public IReadOnlyList<Matcher> ParseSelectorOnly()
    {
        var token = Peek();
        VectorSelector selector;
        if (token.Kind == TokenKind.LeftBrace)
        {
            selector = ParseVectorSelector(null);
        }
        else if (IsMetricIdentifier(token.Kind))
        {
            Consume();
            selector = ParseVectorSelector(token);
        }
        else
        {
            throw Unexpected();
        }

        if (PeekKind != TokenKind.Eof)
        {
            throw Unexpected();
        }

        return selector.Matchers;
    }

    /// <summary>After the metric name (if any): optional braces; a written name is added as the last matcher, as Prometheus does.</summary>
    private VectorSelector ParseVectorSelector(Token? name)
    {
        var start = name?.Position ?? Peek().Position;
        var end = name?.End ?? start;
        var matchers = new List<Matcher>();
        if (name is null || PeekKind == TokenKind.LeftBrace)
        {
            end = ParseLabelMatchers(matchers);
        }

        if (name is { } metric)
        {
            matchers.Add(Matcher.Create(LabelSet.MetricName, MatchOp.Equal, metric.Text));
        }

        return new VectorSelector(name?.Text, matchers, TimeModifiers.None, new PositionRange(start, end));
    }

    private int ParseLabelMatchers(List<Matcher> matchers)
    {
        Consume();
        while (PeekKind != TokenKind.RightBrace)
        {
            matchers.Add(ParseLabelMatcher());
            if (PeekKind == TokenKind.Comma)
            {
                Consume();
            }
            else if (PeekKind != TokenKind.RightBrace)
            {
                throw Unexpected(ErrorContext.MatcherNext);
            }
        }

        return Consume().End;
    }

    private Matcher ParseLabelMatcher()
    {
        var name = Peek();
        if (name.Kind == TokenKind.Identifier)
        {
            Consume();
            return ParseMatcherOperatorAndValue(name, name.Text, ErrorContext.MatcherOperator)!;
        }

        if (name.Kind != TokenKind.String)
        {
            throw Unexpected(ErrorContext.MatcherStart);
        }

        Consume();
        var unquoted = Unquote(name);

        // A quoted name alone is the metric name: {"my.metric"}.
        return ParseMatcherOperatorAndValue(name, unquoted, null) ?? Matcher.Create(LabelSet.MetricName, MatchOp.Equal, unquoted);
    }

    /// <summary>
    /// <c>op "value"</c> after a label name. Without an operator: an error in <paramref name="missingOperator"/>'s
    /// words, or null when the name may stand alone.
    /// </summary>
    private Matcher? ParseMatcherOperatorAndValue(Token nameToken, string name, ErrorContext? missingOperator)
    {
        MatchOp? op = PeekKind switch
        {
            TokenKind.Assign => MatchOp.Equal,
            TokenKind.Neq => MatchOp.NotEqual,
            TokenKind.EqlRegex => MatchOp.Regex,
            TokenKind.NeqRegex => MatchOp.NotRegex,
            _ => null,
        };
        if (op is null)
        {
            return missingOperator is { } context ? throw Unexpected(context) : null;
        }

        Consume();
        if (PeekKind != TokenKind.String)
        {
            throw Unexpected(ErrorContext.MatcherValue);
        }

        var value = Consume();
        return Matcher.TryCreate(name, op.Value, Unquote(value), out var matcher, out var error)
            ? matcher
            : throw Error(new PositionRange(nameToken.Position, value.End), error);
    }
}
