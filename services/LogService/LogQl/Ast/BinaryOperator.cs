namespace AirisEpm.LogService.LogQl.Ast;

/// <summary>The arithmetic and comparison operators between samples.</summary>
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
}

/// <summary>Symbols and precedence as in PromQL and LogQL: <c>^</c> (right-associative) over <c>* / %</c> over <c>+ -</c> over comparisons.</summary>
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
        _ => "<=",
    };

    public static int Precedence(this BinaryOperator op) => op switch
    {
        BinaryOperator.Power => 4,
        BinaryOperator.Multiply or BinaryOperator.Divide or BinaryOperator.Modulo => 3,
        BinaryOperator.Add or BinaryOperator.Subtract => 2,
        _ => 1,
    };

    public static bool IsRightAssociative(this BinaryOperator op) => op == BinaryOperator.Power;

    public static bool IsComparison(this BinaryOperator op) => op.Precedence() == 1;

    /// <summary>The result of <paramref name="op"/> on two numbers (comparisons give 1 or 0), with IEEE semantics for division by zero.</summary>
    public static double Apply(this BinaryOperator op, double left, double right) => op switch
    {
        BinaryOperator.Add => left + right,
        BinaryOperator.Subtract => left - right,
        BinaryOperator.Multiply => left * right,
        BinaryOperator.Divide => left / right,
        BinaryOperator.Modulo => left % right,
        BinaryOperator.Power => Math.Pow(left, right),
        BinaryOperator.Equal => left == right ? 1 : 0,
        BinaryOperator.NotEqual => left != right ? 1 : 0,
        BinaryOperator.Greater => left > right ? 1 : 0,
        BinaryOperator.GreaterOrEqual => left >= right ? 1 : 0,
        BinaryOperator.Less => left < right ? 1 : 0,
        _ => left <= right ? 1 : 0,
    };
}
