using AirisEpm.PromQl.Model;

namespace AirisEpm.PromQl.Parser;

/// <summary>One lexed token: its kind, where it starts (a char index into the query) and its text as written.</summary>
internal readonly record struct Token(TokenKind Kind, int Position, string Text)
{
    public int End => Position + Text.Length;

    public Ast.PositionRange Range => new(Position, End);

    public bool IsOperator => Kind is >= TokenKind.Add and <= TokenKind.At;

    public bool IsAggregator => Kind is >= TokenKind.Sum and <= TokenKind.LimitRatio;

    public bool IsKeyword => Kind is >= TokenKind.Offset and <= TokenKind.Bool;

    /// <summary>How error messages name the token, as Prometheus's <c>Item.desc()</c>: <c>identifier "foo"</c>, <c>&lt;op:+&gt;</c>, <c>"("</c>, <c>end of input</c>.</summary>
    public string Describe()
    {
        switch (Kind)
        {
            case TokenKind.Eof:
                return "end of input";
            case TokenKind.Identifier:
                return "identifier " + Display();
            case TokenKind.MetricIdentifier:
                return "metric identifier " + Display();
            case TokenKind.Number:
                return "number " + Display();
            case TokenKind.Duration:
                return "duration " + Display();
            case TokenKind.String:
                return "string " + Display();
            case TokenKind.Comment:
                return "comment " + Display();
            case TokenKind.Error:
                return "error " + Display();
            default:
                return Display();
        }
    }

    /// <summary>Prometheus's <c>Item.String()</c>.</summary>
    public string Display()
    {
        if (Kind == TokenKind.Eof)
        {
            return "EOF";
        }

        if (Kind == TokenKind.Error)
        {
            return Text;
        }

        if (Kind is TokenKind.Identifier or TokenKind.MetricIdentifier)
        {
            return PromQlString.Quote(Text);
        }

        if (IsKeyword)
        {
            return $"<{Text}>";
        }

        if (IsOperator)
        {
            return $"<op:{Text}>";
        }

        if (IsAggregator)
        {
            return $"<aggr:{Text}>";
        }

        // Go's %.10q: at most ten runes of the text, quoted, then an ellipsis.
        var runes = Text.EnumerateRunes().ToArray();
        return runes.Length > 10
            ? PromQlString.Quote(string.Concat(runes.Take(10).Select(r => r.ToString()))) + "..."
            : PromQlString.Quote(Text);
    }
}
