namespace AirisEpm.MetricsService.Thresholds;

/// <summary>How a sample is compared with a rule's threshold.</summary>
public enum ComparisonOperator
{
    GreaterThan,
    GreaterOrEqual,
    LessThan,
    LessOrEqual,
    Equal,
    NotEqual,
}

public static class ComparisonOperators
{
    public static bool TryParse(string text, out ComparisonOperator op)
    {
        (var ok, op) = text switch
        {
            ">" => (true, ComparisonOperator.GreaterThan),
            ">=" => (true, ComparisonOperator.GreaterOrEqual),
            "<" => (true, ComparisonOperator.LessThan),
            "<=" => (true, ComparisonOperator.LessOrEqual),
            "==" => (true, ComparisonOperator.Equal),
            "!=" => (true, ComparisonOperator.NotEqual),
            _ => (false, default),
        };
        return ok;
    }

    /// <summary>NaN never breaches: a series reporting NaN is "no value", as in Prometheus comparisons.</summary>
    public static bool Breaches(this ComparisonOperator op, double value, double threshold) =>
        !double.IsNaN(value) && op switch
        {
            ComparisonOperator.GreaterThan => value > threshold,
            ComparisonOperator.GreaterOrEqual => value >= threshold,
            ComparisonOperator.LessThan => value < threshold,
            ComparisonOperator.LessOrEqual => value <= threshold,
            ComparisonOperator.Equal => value == threshold,
            ComparisonOperator.NotEqual => value != threshold,
            _ => false,
        };
}
