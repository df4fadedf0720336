namespace AirisEpm.AlertService.Domain.Rules;

/// <summary>Four-valued outcome of a leaf or a tree.</summary>
public enum ConditionOutcome
{
    False,
    True,
    NoData,
    Error,
}

/// <summary>What querying one leaf gave: the outcome, the observed value (for <c>$value</c>), and an error message.</summary>
public sealed record LeafResult(ConditionOutcome Outcome, double? Value = null, string? Error = null)
{
    public static LeafResult NoData { get; } = new(ConditionOutcome.NoData);

    public static LeafResult Failed(string error) => new(ConditionOutcome.Error, Error: error);

    /// <summary>The outcome of comparing an observed value with the leaf's threshold.</summary>
    public static LeafResult Compared(double value, ComparisonOperator op, double threshold) =>
        new(op.Compare(value, threshold) ? ConditionOutcome.True : ConditionOutcome.False, value);
}

/// <summary>The tree's outcome, the value reported as <c>$value</c>, and the first error met.</summary>
public sealed record TreeResult(ConditionOutcome Outcome, double? Value, string? Error);
