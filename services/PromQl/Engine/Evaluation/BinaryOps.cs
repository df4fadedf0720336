using AirisEpm.PromQl.Ast;

namespace AirisEpm.PromQl.Engine.Evaluation;

/// <summary>The arithmetic and comparison operators on two floats, as Prometheus's <c>vectorElemBinop</c> and <c>scalarBinop</c>.</summary>
internal static class BinaryOps
{
    public static bool IsComparison(BinaryOp op) => op is BinaryOp.Eql or BinaryOp.Neq or BinaryOp.Gtr or BinaryOp.Lss or BinaryOp.Gte or BinaryOp.Lte;

    public static bool IsSetOperator(BinaryOp op) => op is BinaryOp.And or BinaryOp.Or or BinaryOp.Unless;

    /// <summary>Arithmetic drops the metric name (it changes what the value means); comparisons keep it.</summary>
    public static bool DropsName(BinaryOp op) => !IsComparison(op) && !IsSetOperator(op);

    /// <summary>
    /// The value and whether the element is kept: arithmetic always keeps; a comparison keeps the left value
    /// when it holds.
    /// </summary>
    public static (double Value, bool Keep) Apply(BinaryOp op, double lhs, double rhs) => op switch
    {
        BinaryOp.Add => (lhs + rhs, true),
        BinaryOp.Sub => (lhs - rhs, true),
        BinaryOp.Mul => (lhs * rhs, true),
        BinaryOp.Div => (lhs / rhs, true),
        BinaryOp.Pow => (Math.Pow(lhs, rhs), true),
        BinaryOp.Mod => (lhs % rhs, true),
        BinaryOp.Atan2 => (Math.Atan2(lhs, rhs), true),
        BinaryOp.Eql => (lhs, lhs == rhs),
        BinaryOp.Neq => (lhs, lhs != rhs),
        BinaryOp.Gtr => (lhs, lhs > rhs),
        BinaryOp.Lss => (lhs, lhs < rhs),
        BinaryOp.Gte => (lhs, lhs >= rhs),
        BinaryOp.Lte => (lhs, lhs <= rhs),
        _ => throw new PromQlException(PromQlErrorType.BadData, $"operator {op} not allowed for float operations"),
    };

    /// <summary>Scalar op scalar: comparisons give 1 or 0.</summary>
    public static double ApplyScalar(BinaryOp op, double lhs, double rhs)
    {
        var (value, keep) = Apply(op, lhs, rhs);
        return IsComparison(op) ? (keep ? 1 : 0) : value;
    }
}
