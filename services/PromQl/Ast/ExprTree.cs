namespace AirisEpm.PromQl.Ast;

/// <summary>Walking an expression tree: a node's direct children (as Prometheus's <c>parser.Children</c>) and the tree's depth.</summary>
public static class ExprTree
{
    public static IEnumerable<Expr> Children(Expr node) => node switch
    {
        AggregateExpr a => a.Param is null ? [a.Inner] : [a.Param, a.Inner],
        BinaryExpr b => [b.Lhs, b.Rhs],
        Call c => c.Args,
        ParenExpr p => [p.Inner],
        UnaryExpr u => [u.Operand],
        MatrixSelector m => [m.Selector],
        SubqueryExpr s => [s.Inner],
        _ => [],
    };

    /// <summary>The number of nodes on the longest path from <paramref name="root"/> down; computed without recursion, so any tree is safe.</summary>
    public static int Depth(Expr root)
    {
        var deepest = 0;
        var pending = new Stack<(Expr Node, int Depth)>();
        pending.Push((root, 1));
        while (pending.Count > 0)
        {
            var (node, depth) = pending.Pop();
            deepest = Math.Max(deepest, depth);
            foreach (var child in Children(node))
            {
                pending.Push((child, depth + 1));
            }
        }

        return deepest;
    }
}
