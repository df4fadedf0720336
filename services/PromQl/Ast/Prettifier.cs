namespace AirisEpm.PromQl.Ast;

/// <summary>
/// What Prometheus's <c>/api/v1/format_query</c> answers (its <c>Prettify</c>): a node that prints longer than
/// <see cref="MaxLineLength"/> characters is split, its children indented two spaces a level; shorter ones stay on one line.
/// </summary>
public static class Prettifier
{
    public const int MaxLineLength = 100;

    private const string IndentUnit = "  ";

    public static string Pretty(Expr expr) => Pretty(expr, 0);

    private static string Pretty(Expr node, int level)
    {
        switch (node)
        {
            case AggregateExpr a when NeedsSplit(a):
                var param = a.Param is null ? "" : Pretty(a.Param, level + 1) + ",\n";
                return Indent(level) + Printer.AggregatePrefix(a) + "(\n" + param + Pretty(a.Inner, level + 1) + "\n" + Indent(level) + ")";
            case BinaryExpr b when NeedsSplit(b):
                return Pretty(b.Lhs, level + 1) + "\n" + Indent(level) + Printer.BinaryOperator(b) + "\n" + Pretty(b.Rhs, level + 1);
            case Call c when NeedsSplit(c):
                var args = string.Join(",\n", c.Args.Select(arg => Pretty(arg, level + 1)));
                return Indent(level) + c.Function.Name + "(\n" + args + "\n" + Indent(level) + ")";
            case ParenExpr p when NeedsSplit(p):
                return Indent(level) + "(\n" + Pretty(p.Inner, level + 1) + "\n" + Indent(level) + ")";
            case SubqueryExpr s:
                // As Prometheus: a subquery short enough is printed without its indent.
                return NeedsSplit(s) ? Pretty(s.Inner, level) + Printer.SubquerySuffix(s) : s.ToString();
            case UnaryExpr u:
                return Indent(level) + u.Op.Symbol() + Pretty(u.Operand, level).Trim();
            default:
                return Indent(level) + node;
        }
    }

    private static bool NeedsSplit(Expr node) => node.ToString().Length > MaxLineLength;

    private static string Indent(int level) => string.Concat(Enumerable.Repeat(IndentUnit, level));
}
