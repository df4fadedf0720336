using AirisEpm.PromQl.Ast;

namespace AirisEpm.LogService.LogQl.Ast;

/// <summary>The operators between samples: arithmetic, comparisons and the set operators.</summary>
public enum BinaryOperator
{
    Add,
    Subtract,
    Multiply,
    Divide,
    Modulo,
    Power,
    Equal,
    NotEqual,
    Greater,
    GreaterOrEqual,
    Less,
    LessOrEqual,
    And,
    Or,
    Unless,
}

/// <summary>
/// Symbols and precedence as in LogQL's grammar (and PromQL's): <c>^</c> (right-associative) over <c>* / %</c>
/// over <c>+ -</c> over comparisons over <c>and unless</c> over <c>or</c>. Arithmetic on two numbers follows Loki's
/// <c>MergeBinOp</c>: division or modulo by zero is NaN, a comparison is 1 or 0.
/// </summary>
public static class BinaryOperators
{
    public static string Symbol(this BinaryOperator op) => op switch
    {
        BinaryOperator.Add => "+",
        BinaryOperator.Subtract => "-",
        BinaryOperator.Multiply => "*",
        BinaryOperator.Divide => "/",
        BinaryOperator.Modulo => "%",
        BinaryOperator.Power => "^",
        BinaryOperator.Equal => "==",
        BinaryOperator.NotEqual => "!=",
        BinaryOperator.Greater => ">",
        BinaryOperator.GreaterOrEqual => ">=",
        BinaryOperator.Less => "<",
        BinaryOperator.LessOrEqual => "<=",
        BinaryOperator.And => "and",
        BinaryOperator.Or => "or",
        _ => "unless",
    };

    public static int Precedence(this BinaryOperator op) => op switch
    {
        BinaryOperator.Power => 6,
        BinaryOperator.Multiply or BinaryOperator.Divide or BinaryOperator.Modulo => 5,
        BinaryOperator.Add or BinaryOperator.Subtract => 4,
        BinaryOperator.And or BinaryOperator.Unless => 2,
        BinaryOperator.Or => 1,
        _ => 3,
    };

    public static bool IsRightAssociative(this BinaryOperator op) => op == BinaryOperator.Power;

    public static bool IsComparison(this BinaryOperator op) => op.Precedence() == 3;

    public static bool IsSetOperator(this BinaryOperator op) => op is BinaryOperator.And or BinaryOperator.Or or BinaryOperator.Unless;

    /// <summary>The result of <paramref name="op"/> on two numbers (comparisons give 1 or 0); division and modulo by zero give NaN, as in Loki.</summary>
    public static double Apply(this BinaryOperator op, double left, double right) => op switch
    {
        BinaryOperator.Add => left + right,
        BinaryOperator.Subtract => left - right,
        BinaryOperator.Multiply => left * right,
        BinaryOperator.Divide => right == 0 ? double.NaN : left / right,
        BinaryOperator.Modulo => right == 0 ? double.NaN : left % right,
        BinaryOperator.Power => Math.Pow(left, right),
        BinaryOperator.Equal => left == right ? 1 : 0,
        BinaryOperator.NotEqual => left != right ? 1 : 0,
        BinaryOperator.Greater => left > right ? 1 : 0,
        BinaryOperator.GreaterOrEqual => left >= right ? 1 : 0,
        BinaryOperator.Less => left < right ? 1 : 0,
        BinaryOperator.LessOrEqual => left <= right ? 1 : 0,
        _ => throw new ArgumentException($"{op.Symbol()} is a set operator, defined between vectors only", nameof(op)),
    };

    /// <summary>PromQL's operator for the vector matching of <see cref="PromQl.Engine.VectorOperations"/>.</summary>
    public static BinaryOp ToPromQl(this BinaryOperator op) => op switch
    {
        BinaryOperator.Add => BinaryOp.Add,
        BinaryOperator.Subtract => BinaryOp.Sub,
        BinaryOperator.Multiply => BinaryOp.Mul,
        BinaryOperator.Divide => BinaryOp.Div,
        BinaryOperator.Modulo => BinaryOp.Mod,
        BinaryOperator.Power => BinaryOp.Pow,
        BinaryOperator.Equal => BinaryOp.Eql,
        BinaryOperator.NotEqual => BinaryOp.Neq,
        BinaryOperator.Greater => BinaryOp.Gtr,
        BinaryOperator.GreaterOrEqual => BinaryOp.Gte,
        BinaryOperator.Less => BinaryOp.Lss,
        BinaryOperator.LessOrEqual => BinaryOp.Lte,
        BinaryOperator.And => BinaryOp.And,
        BinaryOperator.Or => BinaryOp.Or,
        _ => BinaryOp.Unless,
    };
}
