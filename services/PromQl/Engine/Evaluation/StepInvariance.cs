using AirisEpm.PromQl.Ast;

namespace AirisEpm.PromQl.Engine.Evaluation;

/// <summary>
/// Which expressions give the same answer at every step (Prometheus's <c>PreprocessExpr</c>): selectors pinned
/// with <c>@</c> and everything built only from them and literals, except functions that read the evaluation
/// time. Such an expression is evaluated once, at the grid's first step, and repeated.
/// </summary>
internal sealed class StepInvariance
{
    private static readonly HashSet<string> TimeDependentFunctions =
    [
        "days_in_month", "day_of_month", "day_of_week", "day_of_year", "hour", "minute", "month", "year",
        "predict_linear", "time", "timestamp",
    ];

    private readonly Dictionary<Expr, bool> _memo = new(ReferenceEqualityComparer.Instance);

    public bool IsInvariant(Expr expr)
    {
        if (_memo.TryGetValue(expr, out var known))
        {
            return known;
        }

        var result = Compute(expr);
        _memo[expr] = result;
        return result;
    }

    private bool Compute(Expr expr) => expr switch
    {
        VectorSelector selector => selector.Modifiers.HasAt,
        MatrixSelector matrix => matrix.Selector.Modifiers.HasAt,
        SubqueryExpr subquery => subquery.Modifiers.HasAt,
        NumberLiteral or StringLiteral => true,
        ParenExpr paren => IsInvariant(paren.Inner),
        UnaryExpr unary => IsInvariant(unary.Operand),
        BinaryExpr binary => IsInvariant(binary.Lhs) && IsInvariant(binary.Rhs),

        // Prometheus looks at the aggregated expression only, not at the parameter.
        AggregateExpr aggregate => IsInvariant(aggregate.Inner),
        Call call => CallIsInvariant(call),
        _ => false,
    };

    private bool CallIsInvariant(Call call)
    {
        var allInvariant = true;
        var allPinnedSelectors = call.Args.Count > 0;
        foreach (var arg in call.Args)
        {
            var inner = Unwrap(arg);
            var invariant = IsInvariant(inner);
            allInvariant &= invariant;
            allPinnedSelectors &= invariant && inner is VectorSelector;
        }

        if (call.Function.Name == "timestamp")
        {
            // timestamp(x @ t) is pinned; timestamp(abs(x @ t)) reports evaluation times.
            return allPinnedSelectors;
        }

        return allInvariant && !TimeDependentFunctions.Contains(call.Function.Name);
    }

    public static Expr Unwrap(Expr expr)
    {
        while (expr is ParenExpr paren)
        {
            expr = paren.Inner;
        }

        return expr;
    }
}
