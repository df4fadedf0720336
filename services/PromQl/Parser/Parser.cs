using AirisEpm.PromQl.Ast;

namespace AirisEpm.PromQl.Parser;

/// <summary>
/// A recursive-descent PromQL parser that reports the first error Prometheus's yacc parser would report, in its
/// words. Prometheus's grammar has error rules in a few places ("in aggregation", "in grouping opts", "in label
/// matching", "in offset", "in @", in brackets); an error is named after the innermost such place still open,
/// which <see cref="ErrorContext"/>s pushed here stand for. Anything else is a bare "unexpected ...".
/// </summary>
internal sealed partial class Parser
{
    /// <summary>Nested sub-expressions the parser recurses into (parentheses, calls, operands); deeper is refused, not a stack overflow.</summary>
    public const int MaxNesting = 128;

    private readonly string _query;
    private readonly Lexer _lexer;
    private readonly Stack<ErrorContext> _contexts = new();
    private Token? _lookahead;
    private int _nesting;

    public Parser(string query)
    {
        _query = query;
        _lexer = new Lexer(query);
    }

    /// <summary>The next token, lexed on demand (never before the parser needs it, so lexer errors come when Prometheus reports them).</summary>
    private Token Peek()
    {
        if (_lookahead is { } token)
        {
            return token;
        }

        var next = _lexer.Next();
        while (next.Kind == TokenKind.Comment)
        {
            next = _lexer.Next();
        }

        if (next.Kind == TokenKind.Error)
        {
            throw new ParseException(_query, new PositionRange(next.Position, _query.Length), next.Text);
        }

        _lookahead = next;
        return next;
    }

    private TokenKind PeekKind => Peek().Kind;

    private Token Consume()
    {
        var token = Peek();
        _lookahead = null;
        return token;
    }

    private ParseException Error(PositionRange position, string detail) => new(_query, position, detail);

    /// <summary>Prometheus's <c>unexpected()</c>: the next token, named in the given context or the innermost open one.</summary>
    private ParseException Unexpected(ErrorContext? here = null)
    {
        var token = Peek();
        var context = here ?? (_contexts.Count > 0 ? _contexts.Peek() : ErrorContext.None);
        return Error(token.Range, "unexpected " + token.Describe() + context.Suffix);
    }

    private void EnterContext(ErrorContext context) => _contexts.Push(context);

    private void LeaveContext() => _contexts.Pop();

    private void EnterNesting()
    {
        if (++_nesting > MaxNesting)
        {
            throw Error(Peek().Range, $"query is too deeply nested (more than {MaxNesting} nested sub-expressions)");
        }
    }

    private void LeaveNesting() => _nesting--;

    private static bool StartsExpression(TokenKind kind) => kind switch
    {
        TokenKind.Number or TokenKind.Duration or TokenKind.String or TokenKind.LeftParen or TokenKind.LeftBrace
            or TokenKind.Add or TokenKind.Sub or TokenKind.Identifier => true,
        _ => IsMetricIdentifier(kind),
    };

    /// <summary>Tokens that may name a metric: identifiers and the keywords Prometheus's grammar lets stand as names (<c>sum</c>, <c>by</c>, <c>offset</c>, ...).</summary>
    private static bool IsMetricIdentifier(TokenKind kind) => kind switch
    {
        TokenKind.Identifier or TokenKind.MetricIdentifier or TokenKind.By or TokenKind.Without or TokenKind.Offset
            or TokenKind.And or TokenKind.Or or TokenKind.Unless or TokenKind.Start or TokenKind.End => true,
        _ => kind is >= TokenKind.Sum and <= TokenKind.LimitRatio,
    };
}
