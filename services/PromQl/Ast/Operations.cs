namespace AirisEpm.PromQl.Ast;

/// <summary><c>op [without|by (labels)] ([param,] expr)</c>; <see cref="Param"/> is set for topk, bottomk, quantile and count_values.</summary>
public sealed record AggregateExpr(
    AggregateOp Op, Expr Inner, Expr? Param, IReadOnlyList<string> Grouping, bool Without, PositionRange Position)
    : Expr(Position)
{
    public override ValueType Type => ValueType.Vector;
}

/// <summary>
/// <c>on</c>/<c>ignoring</c> and <c>group_left</c>/<c>group_right</c>. <see cref="On"/> false with an empty
/// <see cref="MatchingLabels"/> means "match on all labels but the name". <see cref="Include"/> holds the
/// extra labels named in <c>group_x(...)</c>.
/// </summary>
public sealed record VectorMatching(
    VectorMatchCardinality Card, IReadOnlyList<string> MatchingLabels, bool On, IReadOnlyList<string> Include);

/// <summary>
/// <c>lhs op [bool] [on|ignoring (...)] [group_left|group_right (...)] rhs</c>. <see cref="Matching"/> is
/// set when both sides are vectors (set operators are many-to-many).
/// </summary>
public sealed record BinaryExpr(
    BinaryOp Op, Expr Lhs, Expr Rhs, VectorMatching? Matching, bool ReturnBool, PositionRange Position)
    : Expr(Position)
{
    public override ValueType Type =>
        Lhs.Type == ValueType.Scalar && Rhs.Type == ValueType.Scalar ? ValueType.Scalar : ValueType.Vector;
}

/// <summary>A function's signature as the parser checks it (the table is <c>Functions</c>).</summary>
/// <param name="Variadic">0: exactly <see cref="ArgTypes"/>; n &gt; 0: up to n more of the last type; -1: any number more.</param>
public sealed record FunctionSignature(string Name, IReadOnlyList<ValueType> ArgTypes, int Variadic, ValueType ReturnType);

/// <summary><c>name(args)</c>.</summary>
public sealed record Call(FunctionSignature Function, IReadOnlyList<Expr> Args, PositionRange Position) : Expr(Position)
{
    public override ValueType Type => Function.ReturnType;
}
