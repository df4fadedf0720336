using AirisEpm.PromQl.Ast;
using AirisEpm.PromQl.Model;

namespace AirisEpm.PromQl.Parser;

/// <summary>Function calls, aggregations and the label lists of <c>by</c>, <c>without</c>, <c>on</c>, <c>ignoring</c> and <c>group_x</c>.</summary>
internal sealed partial class Parser
{
    private Call ParseCall(Token name)
    {
        var (args, end) = ParseCallBody();
        if (Functions.IsExperimental(name.Text))
        {
            throw Error(name.Range, $"function {PromQlString.Quote(name.Text)} is not enabled");
        }

        if (!Functions.TryGet(name.Text, out var signature))
        {
            throw Error(name.Range, $"unknown function with name {PromQlString.Quote(name.Text)}");
        }

        return new Call(signature, args, new PositionRange(name.Position, end));
    }

    /// <summary><c>op [by|without (labels)] (args) [by|without (labels)]</c>; the grouping may come before or after the arguments, not both.</summary>
    private AggregateExpr ParseAggregation(Token op)
    {
        EnterContext(ErrorContext.Aggregation);
        IReadOnlyList<string>? grouping = null;
        var without = false;
        if (PeekKind is TokenKind.By or TokenKind.Without)
        {
            without = Consume().Kind == TokenKind.Without;
            grouping = ParseGroupingLabels(out _);
        }

        if (PeekKind != TokenKind.LeftParen)
        {
            throw Unexpected();
        }

        var (args, end) = ParseCallBody();
        if (grouping is null && PeekKind is TokenKind.By or TokenKind.Without)
        {
            without = Consume().Kind == TokenKind.Without;
            grouping = ParseGroupingLabels(out end);
        }

        LeaveContext();
        var position = new PositionRange(op.Position, end);
        return BuildAggregation(op, args, grouping ?? [], without, position);
    }

    private AggregateExpr BuildAggregation(Token op, IReadOnlyList<Expr> args, IReadOnlyList<string> grouping, bool without, PositionRange position)
    {
        if (args.Count == 0)
        {
            throw Error(position, "no arguments for aggregate expression provided");
        }

        if (op.Kind is TokenKind.LimitK or TokenKind.LimitRatio)
        {
            throw Error(position, $"{op.Text.ToLowerInvariant()}() is experimental and must be enabled with --enable-feature=promql-experimental-functions");
        }

        var aggregate = AggregateOf(op.Kind);
        var wanted = aggregate.TakesParameter() ? 2 : 1;
        if (args.Count != wanted)
        {
            throw Error(position, $"wrong number of arguments for aggregate expression provided, expected {wanted}, got {args.Count}");
        }

        return new AggregateExpr(aggregate, args[^1], wanted == 2 ? args[0] : null, grouping, without, position);
    }

    private static AggregateOp AggregateOf(TokenKind kind) => kind switch
    {
        TokenKind.Sum => AggregateOp.Sum,
        TokenKind.Avg => AggregateOp.Avg,
        TokenKind.Count => AggregateOp.Count,
        TokenKind.Min => AggregateOp.Min,
        TokenKind.Max => AggregateOp.Max,
        TokenKind.Group => AggregateOp.Group,
        TokenKind.Stddev => AggregateOp.Stddev,
        TokenKind.Stdvar => AggregateOp.Stdvar,
        TokenKind.TopK => AggregateOp.TopK,
        TokenKind.BottomK => AggregateOp.BottomK,
        TokenKind.Quantile => AggregateOp.Quantile,
        _ => AggregateOp.CountValues,
    };

    /// <summary><c>( [expr {, expr}] )</c>; a trailing comma is refused as Prometheus refuses it.</summary>
    private (IReadOnlyList<Expr> Args, int End) ParseCallBody()
    {
        Consume();
        var args = new List<Expr>();
        if (PeekKind != TokenKind.RightParen)
        {
            while (true)
            {
                args.Add(ParseExpression(0));
                if (PeekKind == TokenKind.RightParen)
                {
                    break;
                }

                if (PeekKind != TokenKind.Comma)
                {
                    throw Unexpected();
                }

                var comma = Consume();
                if (!StartsExpression(PeekKind))
                {
                    throw Error(comma.Range, "trailing commas not allowed in function call args");
                }
            }
        }

        return (args, Consume().End);
    }

    /// <summary><c>( [label {, label}] [,] )</c>, labels bare (keywords allowed, except <c>without</c>) or quoted.</summary>
    private IReadOnlyList<string> ParseGroupingLabels(out int end)
    {
        if (PeekKind != TokenKind.LeftParen)
        {
            throw Unexpected(ErrorContext.GroupingOpen);
        }

        Consume();
        var labels = new List<string>();
        while (PeekKind != TokenKind.RightParen)
        {
            labels.Add(ParseGroupingLabel());
            if (PeekKind == TokenKind.Comma)
            {
                Consume();
            }
            else if (PeekKind != TokenKind.RightParen)
            {
                throw Unexpected(ErrorContext.GroupingNext);
            }
        }

        end = Consume().End;
        return labels;
    }

    private string ParseGroupingLabel()
    {
        var token = Peek();
        if (token.Kind == TokenKind.String)
        {
            Consume();
            if (!PromQlString.TryUnquote(token.Text, out var unquoted, out var validUtf8))
            {
                throw Error(token.Range, $"error unquoting string {PromQlString.Quote(token.Text)}: invalid syntax");
            }

            return LabelNames.IsValid(unquoted) && validUtf8
                ? unquoted
                : throw Error(token.Range, $"invalid label name for grouping: {PromQlString.Quote(unquoted)}");
        }

        if (!IsGroupingLabel(token.Kind))
        {
            throw Unexpected(ErrorContext.GroupingLabel);
        }

        Consume();
        return token.Text;
    }

    /// <summary>Prometheus's <c>maybe_label</c>: identifiers and every keyword but <c>without</c>.</summary>
    private static bool IsGroupingLabel(TokenKind kind) => kind switch
    {
        TokenKind.Identifier or TokenKind.MetricIdentifier or TokenKind.Bool or TokenKind.By or TokenKind.GroupLeft
            or TokenKind.GroupRight or TokenKind.Ignoring or TokenKind.On or TokenKind.Offset or TokenKind.And
            or TokenKind.Or or TokenKind.Unless or TokenKind.Start or TokenKind.End or TokenKind.Atan2 => true,
        _ => kind is >= TokenKind.Sum and <= TokenKind.LimitRatio,
    };
}
