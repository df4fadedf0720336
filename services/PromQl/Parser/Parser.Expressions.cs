using AirisEpm.PromQl.Ast;
using AirisEpm.PromQl.Model;

namespace AirisEpm.PromQl.Parser;

/// <summary>Expressions: binary operators by precedence climbing, unary signs, primaries and their postfix modifiers.</summary>
internal sealed partial class Parser
{
    /// <summary>Unary signs bind as <c>*</c> does in Prometheus: tighter than <c>*</c>, looser than <c>^</c> (so <c>-2^2</c> is <c>-(2^2)</c>).</summary>
    private const int UnaryOperandPrecedence = 6;

    public Expr ParseQuery()
    {
        if (PeekKind == TokenKind.Eof)
        {
            throw Error(default, "no expression found in input");
        }

        var expr = ParseExpression(0);
        if (PeekKind != TokenKind.Eof)
        {
            throw Unexpected();
        }

        return expr;
    }

    private Expr ParseExpression(int minPrecedence)
    {
        EnterNesting();
        var lhs = ParseUnary();
        while (BinaryOperator(PeekKind) is { } binary && binary.Precedence >= minPrecedence)
        {
            Consume();
            var (matching, returnBool) = ParseBinaryModifiers();
            var rhs = ParseExpression(binary.RightAssociative ? binary.Precedence : binary.Precedence + 1);
            lhs = new BinaryExpr(binary.Op, lhs, rhs, matching, returnBool, new PositionRange(lhs.Position.Start, rhs.Position.End));
        }

        LeaveNesting();
        return lhs;
    }

    /// <summary>Prometheus's precedence, lowest first: or; and unless; comparisons; + -; * / % atan2; ^ (right-associative).</summary>
    private static (BinaryOp Op, int Precedence, bool RightAssociative)? BinaryOperator(TokenKind kind) => kind switch
    {
        TokenKind.Or => (BinaryOp.Or, 1, false),
        TokenKind.And => (BinaryOp.And, 2, false),
        TokenKind.Unless => (BinaryOp.Unless, 2, false),
        TokenKind.Eqlc => (BinaryOp.Eql, 3, false),
        TokenKind.Neq => (BinaryOp.Neq, 3, false),
        TokenKind.Gtr => (BinaryOp.Gtr, 3, false),
        TokenKind.Lss => (BinaryOp.Lss, 3, false),
        TokenKind.Gte => (BinaryOp.Gte, 3, false),
        TokenKind.Lte => (BinaryOp.Lte, 3, false),
        TokenKind.Add => (BinaryOp.Add, 4, false),
        TokenKind.Sub => (BinaryOp.Sub, 4, false),
        TokenKind.Mul => (BinaryOp.Mul, 5, false),
        TokenKind.Div => (BinaryOp.Div, 5, false),
        TokenKind.Mod => (BinaryOp.Mod, 5, false),
        TokenKind.Atan2 => (BinaryOp.Atan2, 5, false),
        TokenKind.Pow => (BinaryOp.Pow, 6, true),
        _ => null,
    };

    /// <summary><c>[bool] [on|ignoring (labels) [group_left|group_right [(labels)]]]</c>, as written; the type checker settles the cardinality.</summary>
    private (VectorMatching Matching, bool ReturnBool) ParseBinaryModifiers()
    {
        var returnBool = false;
        if (PeekKind == TokenKind.Bool)
        {
            Consume();
            returnBool = true;
        }

        var card = VectorMatchCardinality.OneToOne;
        IReadOnlyList<string> labels = [];
        IReadOnlyList<string> include = [];
        var on = false;
        if (PeekKind is TokenKind.On or TokenKind.Ignoring)
        {
            on = Consume().Kind == TokenKind.On;
            labels = ParseGroupingLabels(out _);
            if (PeekKind is TokenKind.GroupLeft or TokenKind.GroupRight)
            {
                card = Consume().Kind == TokenKind.GroupLeft ? VectorMatchCardinality.ManyToOne : VectorMatchCardinality.OneToMany;
                if (PeekKind == TokenKind.LeftParen)
                {
                    include = ParseGroupingLabels(out _);
                }
                else if (!StartsExpression(PeekKind))
                {
                    throw Unexpected(ErrorContext.GroupingOpen);
                }
            }
        }

        return (new VectorMatching(card, labels, on, include), returnBool);
    }

    private Expr ParseUnary()
    {
        if (PeekKind is not (TokenKind.Add or TokenKind.Sub))
        {
            return ParsePostfixed();
        }

        var sign = Consume();
        var operand = ParseExpression(UnaryOperandPrecedence);
        var position = new PositionRange(sign.Position, operand.Position.End);
        if (operand is NumberLiteral number)
        {
            return number with { Value = sign.Kind == TokenKind.Sub ? -number.Value : number.Value, Position = position };
        }

        return new UnaryExpr(sign.Kind == TokenKind.Sub ? BinaryOp.Sub : BinaryOp.Add, operand, position);
    }

    /// <summary>A primary followed by any number of <c>[range]</c>, <c>[range:step]</c>, <c>offset</c> and <c>@</c>, which bind tighter than every operator.</summary>
    private Expr ParsePostfixed()
    {
        var expr = ParsePrimary();
        while (true)
        {
            switch (PeekKind)
            {
                case TokenKind.LeftBracket:
                    expr = ParseRangeOrSubquery(expr);
                    break;
                case TokenKind.Offset:
                    expr = ParseOffset(expr);
                    break;
                case TokenKind.At:
                    expr = ParseAt(expr);
                    break;
                default:
                    return expr;
            }
        }
    }

    private Expr ParsePrimary()
    {
        var token = Peek();
        switch (token.Kind)
        {
            case TokenKind.Number:
                Consume();
                return new NumberLiteral(ParseNumber(token), token.Range);
            case TokenKind.Duration:
                Consume();
                return new NumberLiteral(ParseDurationMs(token) / 1000.0, token.Range) { IsDuration = true };
            case TokenKind.String:
                Consume();
                return new StringLiteral(Unquote(token), token.Range);
            case TokenKind.LeftParen:
                return ParseParen();
            case TokenKind.LeftBrace:
                return ParseVectorSelector(null);
            case TokenKind.Identifier:
                Consume();
                return PeekKind == TokenKind.LeftParen ? ParseCall(token) : ParseVectorSelector(token);
            case >= TokenKind.Sum and <= TokenKind.LimitRatio:
                Consume();
                return PeekKind is TokenKind.LeftParen or TokenKind.By or TokenKind.Without ? ParseAggregation(token) : ParseVectorSelector(token);
            default:
                if (IsMetricIdentifier(token.Kind))
                {
                    Consume();
                    return ParseVectorSelector(token);
                }

                throw Unexpected();
        }
    }

    private ParenExpr ParseParen()
    {
        var open = Consume();
        var inner = ParseExpression(0);
        if (PeekKind != TokenKind.RightParen)
        {
            throw Unexpected();
        }

        var close = Consume();
        return new ParenExpr(inner, new PositionRange(open.Position, close.End));
    }

    private double ParseNumber(Token token) =>
        NumberLiterals.TryParse(token.Text, out var value, out var error) ? value : throw Error(token.Range, "error parsing number: " + error);

    private long ParseDurationMs(Token token) =>
        PromDuration.TryParseMs(token.Text, out var ms, out var error) ? ms : throw Error(token.Range, error);

    private string Unquote(Token token) =>
        PromQlString.TryUnquote(token.Text, out var value, out _)
            ? value
            : throw Error(token.Range, $"error unquoting string {PromQlString.Quote(token.Text)}: invalid syntax");
}
