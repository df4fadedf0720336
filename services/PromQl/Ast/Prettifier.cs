namespace AirisEpm.PromQl.Ast;

/// <summary>
/// What Prometheus's <c>/api/v1/format_query</c> answers (its <c>Prettify</c>): a node that prints longer than
/// <see cref="MaxLineLength"/> characters is split, its children indented two spaces a level; shorter ones stay on one line.
/// </summary>
public static class Prettifier
{
    public const int MaxLineLength = 100;

    private const string IndentUnit = "  ";

    /// <summary>The expression split over lines wherever a node prints longer than <paramref name="maxLineLength"/>.</summary>
    public static string Pretty(Expr expr, int maxLineLength = MaxLineLength) => Pretty(expr, 0, maxLineLength);

    private static string Pretty(Expr node, int level, int max)
    {
        switch (node)
        {
            case AggregateExpr a when NeedsSplit(a, max):
                var param = a.Param is null ? "" : Pretty(a.Param, level + 1, max) + ",\n";
                return Indent(level) + Printer.AggregatePrefix(a) + "(\n" + param + Pretty(a.Inner, level + 1, max) + "\n" + Indent(level) + ")";
            case BinaryExpr b when NeedsSplit(b, max):
                var lhs = Printer.HasInfinityBase(b) ? Indent(level + 1) + "Inf" : Pretty(b.Lhs, level + 1, max);
                return lhs + "\n" + Indent(level) + Printer.BinaryOperator(b) + "\n" + Pretty(b.Rhs, level + 1, max);
            case Call c when NeedsSplit(c, max):
                var args = string.Join(",\n", c.Args.Select(arg => Pretty(arg, level + 1, max)));
                return Indent(level) + c.Function.Name + "(\n" + args + "\n" + Indent(level) + ")";
            case ParenExpr p when NeedsSplit(p, max):
                return Indent(level) + "(\n" + Pretty(p.Inner, level + 1, max) + "\n" + Indent(level) + ")";
            case SubqueryExpr s:
                // As Prometheus: a subquery short enough is printed without its indent.
                return NeedsSplit(s, max) ? Pretty(s.Inner, level, max) + Printer.SubquerySuffix(s) : s.ToString();
            case UnaryExpr u:
                return Indent(level) + u.Op.Symbol() + Pretty(u.Operand, level, max).Trim();
            default:
                return Indent(level) + node;
        }
    }

    private static bool NeedsSplit(Expr node, int max) => node.ToString().Length > max;

    private static string Indent(int level) => string.Concat(Enumerable.Repeat(IndentUnit, level));
}
