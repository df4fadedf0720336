using AirisEpm.PromQl.Ast;
using AirisEpm.PromQl.Model;

namespace AirisEpm.PromQl.Parser;

/// <summary>
/// Parses PromQL as Prometheus 3 does (its stable language; experimental features refused as Prometheus refuses
/// them with their flags off). Every failure is a <see cref="ParseException"/> with Prometheus's message.
/// </summary>
public static class PromQlParser
{
    /// <summary>Deeper trees (long chains of operators) are refused rather than risk the stack of whoever walks them.</summary>
    public const int MaxDepth = 1000;

    /// <summary>A query, parsed and type-checked.</summary>
    public static Expr ParseExpr(string query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var expr = new Parser(query).ParseQuery();
        if (ExprTree.Depth(expr) > MaxDepth)
        {
            throw new ParseException(query, expr.Position, $"query is too deeply nested (more than {MaxDepth} levels of operators)");
        }

        return new TypeChecker(query).Check(expr);
    }

    /// <summary>
    /// A series selector such as a <c>match[]</c> parameter (<c>up{job="api"}</c>, <c>{"my.metric"}</c>): its matchers,
    /// a written name as the last one. As Prometheus's <c>ParseMetricSelector</c>, no type checks: callers that need
    /// a non-empty matcher (the series and labels APIs) check that themselves.
    /// </summary>
    public static IReadOnlyList<Matcher> ParseMetricSelector(string selector)
    {
        ArgumentNullException.ThrowIfNull(selector);
        return new Parser(selector).ParseSelectorOnly();
    }
}
