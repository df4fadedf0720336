using AirisEpm.PromQl.Ast;
using AirisEpm.PromQl.Model;
using ValueType = AirisEpm.PromQl.Ast.ValueType;

namespace AirisEpm.PromQl.Parser;

/// <summary>
/// Prometheus's static checks after a successful parse (its <c>checkAST</c>), in its order and words, reporting the
/// first failure. It also settles what the checks decide: set operators match many-to-many, and a binary
/// operation with a scalar side has no vector matching.
/// </summary>
internal sealed class TypeChecker(string query)
{
    public Expr Check(Expr node) => node switch
    {
        AggregateExpr aggregate => CheckAggregate(aggregate),
        BinaryExpr binary => CheckBinary(binary),
        Call call => CheckCall(call),
        ParenExpr paren => paren with { Inner = Check(paren.Inner) },
        UnaryExpr unary => CheckUnary(unary),
        SubqueryExpr subquery => CheckSubquery(subquery),
        MatrixSelector matrix => matrix with { Selector = CheckSelector(matrix.Selector) },
        VectorSelector selector => CheckSelector(selector),
        _ => node,
    };

    private Expr Expect(Expr node, ValueType wanted, string context)
    {
        var checkedNode = Check(node);
        return checkedNode.Type == wanted
            ? checkedNode
            : throw Error(node.Position, $"expected type {wanted.DocumentedName()} in {context}, got {checkedNode.Type.DocumentedName()}");
    }

    private AggregateExpr CheckAggregate(AggregateExpr aggregate)
    {
        var inner = Expect(aggregate.Inner, ValueType.Vector, "aggregation expression");
        var param = aggregate.Param;
        if (param is not null)
        {
            var wanted = aggregate.Op == AggregateOp.CountValues ? ValueType.String : ValueType.Scalar;
            param = Expect(param, wanted, "aggregation parameter");
        }

        return aggregate with { Inner = inner, Param = param };
    }

    private BinaryExpr CheckBinary(BinaryExpr binary)
    {
        var lhs = Check(binary.Lhs);
        var rhs = Check(binary.Rhs);
        var (lt, rt) = (lhs.Type, rhs.Type);
        var op = binary.Op;
        if (binary.ReturnBool && !op.IsComparison())
        {
            throw Error(OperatorRange(binary), "bool modifier can only be used on comparison operators");
        }

        if (op.IsComparison() && !binary.ReturnBool && lt == ValueType.Scalar && rt == ValueType.Scalar)
        {
            throw Error(OperatorRange(binary), "comparisons between scalars must use BOOL modifier");
        }

        var matching = binary.Matching ?? new VectorMatching(VectorMatchCardinality.OneToOne, [], false, []);
        if (op.IsSetOperator() && matching.Card == VectorMatchCardinality.OneToOne)
        {
            matching = matching with { Card = VectorMatchCardinality.ManyToMany };
        }

        if (matching.On && matching.MatchingLabels.FirstOrDefault(matching.Include.Contains) is { } both)
        {
            throw Error(OperatorRange(binary), $"label {PromQlString.Quote(both)} must not occur in ON and GROUP clause at once");
        }

        if (lt is not (ValueType.Scalar or ValueType.Vector))
        {
            throw Error(binary.Lhs.Position, "binary expression must contain only scalar and instant vector types");
        }

        if (rt is not (ValueType.Scalar or ValueType.Vector))
        {
            throw Error(binary.Rhs.Position, "binary expression must contain only scalar and instant vector types");
        }

        VectorMatching? settled = matching;
        if (lt != ValueType.Vector || rt != ValueType.Vector)
        {
            if (matching.MatchingLabels.Count > 0)
            {
                throw Error(binary.Position, "vector matching only allowed between instant vectors");
            }

            settled = null;
        }
        else if (op.IsSetOperator())
        {
            if (matching.Card is VectorMatchCardinality.OneToMany or VectorMatchCardinality.ManyToOne)
            {
                throw Error(binary.Position, $"no grouping allowed for {PromQlString.Quote(op.Symbol())} operation");
            }

            if (matching.Card != VectorMatchCardinality.ManyToMany)
            {
                throw Error(binary.Position, "set operations must always be many-to-many");
            }
        }

        if ((lt == ValueType.Scalar || rt == ValueType.Scalar) && op.IsSetOperator())
        {
            throw Error(binary.Position, $"set operator {PromQlString.Quote(op.Symbol())} not allowed in binary scalar expression");
        }

        return binary with { Lhs = lhs, Rhs = rhs, Matching = settled };
    }

    private Call CheckCall(Call call)
    {
        var function = call.Function;
        var declared = function.ArgTypes.Count;
        var given = call.Args.Count;
        var name = PromQlString.Quote(function.Name);
        if (function.Variadic == 0)
        {
            if (declared != given)
            {
                throw Error(call.Position, $"expected {declared} argument(s) in call to {name}, got {given}");
            }
        }
        else if (declared - 1 > given)
        {
            throw Error(call.Position, $"expected at least {declared - 1} argument(s) in call to {name}, got {given}");
        }
        else if (function.Variadic > 0 && declared - 1 + function.Variadic < given)
        {
            throw Error(call.Position, $"expected at most {declared - 1 + function.Variadic} argument(s) in call to {name}, got {given}");
        }

        var args = new Expr[given];
        for (var i = 0; i < given; i++)
        {
            var type = function.ArgTypes[Math.Min(i, declared - 1)];
            args[i] = Expect(call.Args[i], type, $"call to function {name}");
        }

        return call with { Args = args };
    }

    private UnaryExpr CheckUnary(UnaryExpr unary)
    {
        var operand = Check(unary.Operand);
        return operand.Type is ValueType.Scalar or ValueType.Vector
            ? unary with { Operand = operand }
            : throw Error(unary.Position, $"unary expression only allowed on expressions of type scalar or instant vector, got {PromQlString.Quote(operand.Type.DocumentedName())}");
    }

    private SubqueryExpr CheckSubquery(SubqueryExpr subquery)
    {
        var inner = Check(subquery.Inner);
        return inner.Type == ValueType.Vector
            ? subquery with { Inner = inner }
            : throw Error(subquery.Position, $"subquery is only allowed on instant vector, got {inner.Type.Name()} instead");
    }

    private VectorSelector CheckSelector(VectorSelector selector)
    {
        if (!string.IsNullOrEmpty(selector.Name))
        {
            // The last matcher is the written name; any other __name__ matcher names it twice.
            foreach (var matcher in selector.Matchers.Take(selector.Matchers.Count - 1))
            {
                if (matcher.Name == LabelSet.MetricName)
                {
                    throw Error(selector.Position, $"metric name must not be set twice: {PromQlString.Quote(selector.Name)} or {PromQlString.Quote(matcher.Value)}");
                }
            }

            return selector;
        }

        return selector.Matchers.Any(m => !m.MatchesEmpty)
            ? selector
            : throw Error(selector.Position, "vector selector must contain at least one non-empty matcher");
    }

    /// <summary>Where a binary operator (with its modifiers) sits: between its operands, spaces trimmed.</summary>
    private PositionRange OperatorRange(BinaryExpr binary)
    {
        var start = binary.Lhs.Position.End;
        while (start < query.Length && IsSpace(query[start]))
        {
            start++;
        }

        var end = binary.Rhs.Position.Start - 1;
        while (end > start && IsSpace(query[end]))
        {
            end--;
        }

        return new PositionRange(start, end);
    }

    private static bool IsSpace(char c) => c is ' ' or '\t' or '\n' or '\r';

    private ParseException Error(PositionRange position, string detail) => new(query, position, detail);
}
