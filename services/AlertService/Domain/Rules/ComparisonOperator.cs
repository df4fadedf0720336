namespace AirisEpm.AlertService.Domain.Rules;

/// <summary>How a leaf's value is compared with its threshold.</summary>
public enum ComparisonOperator
{
    GreaterThan,
    GreaterOrEqual,
    LessThan,
    LessOrEqual,
    Equal,
    NotEqual,
}

public static class ComparisonOperatorExtensions
{
    public static bool Compare(this ComparisonOperator op, double value, double threshold) => op switch
    {
        ComparisonOperator.GreaterThan => value > threshold,
        ComparisonOperator.GreaterOrEqual => value >= threshold,
        ComparisonOperator.LessThan => value < threshold,
        ComparisonOperator.LessOrEqual => value <= threshold,
        ComparisonOperator.Equal => value == threshold,
        ComparisonOperator.NotEqual => value != threshold,
        _ => throw new ArgumentOutOfRangeException(nameof(op)),
    };

    public static string Symbol(this ComparisonOperator op) => op switch
    {
        ComparisonOperator.GreaterThan => ">",
        ComparisonOperator.GreaterOrEqual => ">=",
        ComparisonOperator.LessThan => "<",
        ComparisonOperator.LessOrEqual => "<=",
        ComparisonOperator.Equal => "==",
        ComparisonOperator.NotEqual => "!=",
        _ => throw new ArgumentOutOfRangeException(nameof(op)),
    };
}
