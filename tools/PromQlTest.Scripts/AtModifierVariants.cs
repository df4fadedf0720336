using AirisEpm.PromQl.Ast;
using AirisEpm.PromQl.Engine;
using AirisEpm.PromQl.Parser;

namespace AirisEpm.PromQlTest.Scripts;

/// <summary>
/// promqltest's step-invariance check of instant evals: every selector and subquery without an <c>@ timestamp</c>
/// gets <c>@ t</c> (the eval's time; what sits inside a subquery is left alone), the expression is
/// printed, and the printed query must give the same answer when evaluated at other times: -10t, 0, t/5, t
/// and 10t (or -1s, 0 and 1s when t is 0). Skipped for expressions using a function whose answer depends on
/// the evaluation time itself (the calendar functions, <c>time</c>, <c>timestamp</c>, <c>predict_linear</c>).
/// </summary>
public static class AtModifierVariants
{
    private static readonly HashSet<string> TimeDependentFunctions =
    [
        "days_in_month", "day_of_month", "day_of_week", "day_of_year", "hour", "minute", "month", "year",
        "predict_linear", "time", "timestamp",
    ];

    /// <summary>The queries and times to run; none when <paramref name="query"/> does not parse or depends on the time.</summary>
    public static IReadOnlyList<(string Query, long TimeMs)> For(string query, long timeMs)
    {
        Expr expr;
        try
        {
            expr = PromQlParser.ParseExpr(query);
        }
        catch (PromQlException)
        {
            return [];
        }

        if (UsesTimeDependentFunction(expr))
        {
            return [];
        }

        var pinned = Pin(expr, timeMs).ToString();
        long[] times = timeMs == 0 ? [-1000, 0, 1000] : [-10 * timeMs, 0, timeMs / 5, timeMs, 10 * timeMs];
        return [.. times.Select(t => (pinned, t))];
    }

    private static bool UsesTimeDependentFunction(Expr expr) =>
        (expr is Call call && TimeDependentFunctions.Contains(call.Function.Name)) || ExprTree.Children(expr).Any(UsesTimeDependentFunction);

    private static Expr Pin(Expr node, long timeMs) => node switch
    {
        VectorSelector v => v.Modifiers.TimestampMs is not null ? v : v with { Modifiers = Pinned(v.Modifiers, timeMs) },
        MatrixSelector m => m with { Selector = (VectorSelector)Pin(m.Selector, timeMs) },
        SubqueryExpr s => s.Modifiers.TimestampMs is not null ? s : s with { Modifiers = Pinned(s.Modifiers, timeMs) },
        ParenExpr p => p with { Inner = Pin(p.Inner, timeMs) },
        UnaryExpr u => u with { Operand = Pin(u.Operand, timeMs) },
        BinaryExpr b => b with { Lhs = Pin(b.Lhs, timeMs), Rhs = Pin(b.Rhs, timeMs) },
        AggregateExpr a => a with { Inner = Pin(a.Inner, timeMs), Param = a.Param is null ? null : Pin(a.Param, timeMs) },
        Call c => c with { Args = [.. c.Args.Select(arg => Pin(arg, timeMs))] },
        _ => node,
    };

    /// <summary>As Prometheus, which sets the timestamp wherever none is set yet, <c>@ start()</c> and <c>@ end()</c> included.</summary>
    private static TimeModifiers Pinned(TimeModifiers modifiers, long timeMs) => modifiers with { TimestampMs = timeMs, Anchor = AtAnchor.None };
}
