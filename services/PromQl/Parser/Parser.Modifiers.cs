using System.Globalization;
using AirisEpm.PromQl.Ast;

namespace AirisEpm.PromQl.Parser;

/// <summary>
/// Ranges <c>[5m]</c>, subqueries <c>[1h:5m]</c>, <c>offset</c> and <c>@</c>. Durations here may be numbers of
/// seconds (<c>[90]</c>, <c>offset 1.5</c>); duration arithmetic (<c>[5m+1m]</c>) is experimental in Prometheus and
/// refused as it refuses it with the feature off.
/// </summary>
internal sealed partial class Parser
{
    /// <summary>Go's time.Duration bound, in seconds: durations beyond it are "out of range".</summary>
    private const double MaxDurationSeconds = 9223372036.854775807;

    private Expr ParseRangeOrSubquery(Expr target)
    {
        var open = Consume();
        EnterContext(ErrorContext.RangeStart);
        var range = ParseDuration(0);
        LeaveContext();
        var rangeMs = PositiveDurationMs(range);
        if (PeekKind == TokenKind.RightBracket)
        {
            var close = Consume();
            return MatrixOf(target, rangeMs, new PositionRange(open.Position, close.End));
        }

        if (PeekKind != TokenKind.Colon)
        {
            throw Unexpected(ErrorContext.RangeNext);
        }

        Consume();
        long stepMs = 0;
        if (PeekKind != TokenKind.RightBracket)
        {
            EnterContext(ErrorContext.StepStart);
            if (!StartsDuration(PeekKind))
            {
                throw Unexpected();
            }

            var step = ParseDuration(0);
            LeaveContext();
            stepMs = PositiveDurationMs(step);
            if (PeekKind != TokenKind.RightBracket)
            {
                throw Unexpected(ErrorContext.StepEnd);
            }
        }

        var end = Consume().End;
        return new SubqueryExpr(target, rangeMs, stepMs, TimeModifiers.None, new PositionRange(target.Position.Start, end));
    }

    private MatrixSelector MatrixOf(Expr target, long rangeMs, PositionRange brackets)
    {
        if (target is not VectorSelector selector)
        {
            throw Error(brackets, "ranges only allowed for vector selectors");
        }

        if (selector.Modifiers.OffsetMs != 0)
        {
            throw Error(brackets, "no offset modifiers allowed before range");
        }

        if (selector.Modifiers.TimestampMs is not null)
        {
            throw Error(brackets, "no @ modifiers allowed before range");
        }

        return new MatrixSelector(selector, rangeMs, new PositionRange(selector.Position.Start, brackets.End));
    }

    private Expr ParseOffset(Expr target)
    {
        Consume();
        EnterContext(ErrorContext.Offset);
        var value = Peek();
        double seconds;
        int end;
        if (value.Kind is TokenKind.Number or TokenKind.Duration)
        {
            Consume();
            (seconds, end) = (LiteralSeconds(value), value.End);
            LeaveContext();
            Peek();
            CheckDurationRange(seconds, value.Range);
        }
        else if (value.Kind is TokenKind.Add or TokenKind.Sub)
        {
            var sign = Consume();
            if (PeekKind is TokenKind.Number or TokenKind.Duration)
            {
                var literal = Consume();
                (seconds, end) = (Signed(sign, LiteralSeconds(literal)), literal.End);
                LeaveContext();
                Peek();
                CheckDurationRange(seconds, sign.Range);
            }
            else
            {
                var folded = ParseDuration(0, Negate(sign, ParseDuration(UnaryOperandPrecedence)));
                (seconds, end) = (folded.Value, folded.Position.End);
                LeaveContext();
            }
        }
        else if (value.Kind == TokenKind.LeftParen)
        {
            var expr = ParseDuration(0);
            (seconds, end) = (expr.Value, expr.Position.End);
            LeaveContext();
        }
        else
        {
            throw Unexpected();
        }

        return WithOffset(target, DurationMs(seconds), end);
    }

    private Expr WithOffset(Expr target, long offsetMs, int end)
    {
        var modifiers = target switch
        {
            VectorSelector selector => selector.Modifiers,
            MatrixSelector matrix => matrix.Selector.Modifiers,
            SubqueryExpr subquery => subquery.Modifiers,
            _ => throw Error(target.Position, "offset modifier must be preceded by an instant vector selector or range vector selector or a subquery"),
        };
        if (modifiers.OffsetMs != 0)
        {
            throw Error(target.Position, "offset may not be set multiple times");
        }

        return WithModifiers(target, modifiers with { OffsetMs = offsetMs }, end);
    }

    private Expr ParseAt(Expr target)
    {
        Consume();
        EnterContext(ErrorContext.At);
        double? seconds = null;
        var anchor = AtAnchor.None;
        int end;
        var value = Peek();
        if (value.Kind is TokenKind.Number or TokenKind.Duration)
        {
            Consume();
            (seconds, end) = (LiteralSeconds(value), value.End);
        }
        else if (value.Kind is TokenKind.Add or TokenKind.Sub)
        {
            var sign = Consume();
            if (PeekKind is not (TokenKind.Number or TokenKind.Duration))
            {
                throw Unexpected();
            }

            var literal = Consume();
            (seconds, end) = (Signed(sign, LiteralSeconds(literal)), literal.End);
        }
        else if (value.Kind is TokenKind.Start or TokenKind.End)
        {
            Consume();
            anchor = value.Kind == TokenKind.Start ? AtAnchor.Start : AtAnchor.End;
            if (PeekKind != TokenKind.LeftParen)
            {
                throw Unexpected();
            }

            Consume();
            if (PeekKind != TokenKind.RightParen)
            {
                throw Unexpected();
            }

            end = Consume().End;
        }
        else
        {
            throw Unexpected();
        }

        LeaveContext();
        long? timestampMs = seconds is { } ts ? TimestampMs(target, ts) : null;
        var modifiers = target switch
        {
            VectorSelector selector => selector.Modifiers,
            MatrixSelector matrix => matrix.Selector.Modifiers,
            SubqueryExpr subquery => subquery.Modifiers,
            _ => throw Error(target.Position, "@ modifier must be preceded by an instant vector selector or range vector selector or a subquery"),
        };
        if (modifiers.HasAt)
        {
            throw Error(target.Position, "@ <timestamp> may not be set multiple times");
        }

        return WithModifiers(target, modifiers with { TimestampMs = timestampMs, Anchor = anchor }, end);
    }

    private long TimestampMs(Expr target, double seconds)
    {
        if (double.IsNaN(seconds) || double.IsInfinity(seconds) || seconds >= 9223372036854775807.0 || seconds <= -9223372036854775808.0)
        {
            throw Error(target.Position, $"timestamp out of bounds for @ modifier: {GoFixed(seconds)}");
        }

        return Saturate(Math.Round(seconds * 1000, MidpointRounding.AwayFromZero));
    }

    private static Expr WithModifiers(Expr target, TimeModifiers modifiers, int end) => target switch
    {
        VectorSelector selector => selector with { Modifiers = modifiers, Position = selector.Position with { End = end } },
        MatrixSelector matrix => matrix with { Selector = matrix.Selector with { Modifiers = modifiers }, Position = matrix.Position with { End = end } },
        SubqueryExpr subquery => subquery with { Modifiers = modifiers, Position = subquery.Position with { End = end } },
        _ => target,
    };

    /// <summary>
    /// A duration in brackets or after <c>offset</c>: a number or duration with optional signs. Operators and
    /// parentheses parse (so the error comes where Prometheus reports it) but are refused as experimental.
    /// </summary>
    private NumberLiteral ParseDuration(int minPrecedence, NumberLiteral? lhs = null)
    {
        EnterNesting();
        lhs ??= ParseDurationOperand();
        if (DurationOperator(PeekKind) is { } op && op.Precedence >= minPrecedence)
        {
            Consume();
            ParseDuration(op.RightAssociative ? op.Precedence : op.Precedence + 1);
            throw Error(lhs.Position, "experimental duration expression is not enabled");
        }

        LeaveNesting();
        return lhs;
    }

    private NumberLiteral ParseDurationOperand()
    {
        var token = Peek();
        switch (token.Kind)
        {
            case TokenKind.Number or TokenKind.Duration:
                Consume();
                var seconds = LiteralSeconds(token);
                CheckDurationRange(seconds, token.Range);
                return new NumberLiteral(seconds, token.Range) { IsDuration = token.Kind == TokenKind.Duration };
            case TokenKind.Add or TokenKind.Sub:
                var sign = Consume();
                return Negate(sign, ParseDuration(UnaryOperandPrecedence));
            case TokenKind.LeftParen:
                Consume();
                var inner = ParseDuration(0);
                if (PeekKind != TokenKind.RightParen)
                {
                    throw Unexpected();
                }

                Consume();
                throw Error(inner.Position, "experimental duration expression is not enabled");
            default:
                throw Unexpected();
        }
    }

    private NumberLiteral Negate(Token sign, NumberLiteral operand)
    {
        var value = Signed(sign, operand.Value);
        CheckDurationRange(value, sign.Range);
        return operand with { Value = value, Position = new PositionRange(sign.Position, operand.Position.End) };
    }

    private static (int Precedence, bool RightAssociative)? DurationOperator(TokenKind kind) => kind switch
    {
        TokenKind.Add or TokenKind.Sub => (4, false),
        TokenKind.Mul or TokenKind.Div or TokenKind.Mod => (5, false),
        TokenKind.Pow => (6, true),
        _ => null,
    };

    private static bool StartsDuration(TokenKind kind) =>
        kind is TokenKind.Number or TokenKind.Duration or TokenKind.Add or TokenKind.Sub or TokenKind.LeftParen;

    /// <summary>A range or step: greater than zero, checked once the next token is read (when Prometheus checks it).</summary>
    private long PositiveDurationMs(NumberLiteral duration)
    {
        Peek();
        return duration.Value <= 0 ? throw Error(duration.Position, "duration must be greater than 0") : DurationMs(duration.Value);
    }

    private void CheckDurationRange(double seconds, PositionRange position)
    {
        if (seconds is > MaxDurationSeconds or < -MaxDurationSeconds)
        {
            throw Error(position, "duration out of range");
        }
    }

    private double LiteralSeconds(Token token) => token.Kind == TokenKind.Duration ? ParseDurationMs(token) / 1000.0 : ParseNumber(token);

    private static double Signed(Token sign, double value) => sign.Kind == TokenKind.Sub ? -value : value;

    /// <summary>Seconds to whole milliseconds as Prometheus gets there: rounded to nanoseconds, then truncated.</summary>
    private static long DurationMs(double seconds) => Saturate(Math.Round(seconds * 1e9, MidpointRounding.AwayFromZero)) / 1_000_000;

    private static long Saturate(double value) => value switch
    {
        >= 9223372036854775807.0 => long.MaxValue,
        <= -9223372036854775808.0 => long.MinValue,
        _ => (long)value,
    };

    /// <summary>Go's <c>%f</c>.</summary>
    private static string GoFixed(double value) => value switch
    {
        double.PositiveInfinity => "+Inf",
        double.NegativeInfinity => "-Inf",
        _ when double.IsNaN(value) => "NaN",
        _ => value.ToString("F6", CultureInfo.InvariantCulture),
    };
}
