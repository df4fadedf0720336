namespace AirisEpm.LogService.LogQl.Evaluation;

/// <summary>What a metric expression evaluates to over the grid: a scalar, the same at every step, or a set of series.</summary>
public abstract record SampleValue;

public sealed record ScalarValue(double Value) : SampleValue;

/// <summary>Series with distinct label sets.</summary>
public sealed record MatrixValue(IReadOnlyList<Series> Series) : SampleValue;
