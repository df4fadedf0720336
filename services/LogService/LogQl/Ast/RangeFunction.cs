namespace AirisEpm.LogService.LogQl.Ast;

/// <summary>What a range function adds up per line in the window.</summary>
public enum RangeMeasure
{
    Lines,
    Bytes,
}

/// <summary>
/// The range functions, as a table (Prometheus's <c>parser/functions.go</c> style): each is what it
/// adds up per line and whether the sum is divided by the range in seconds. The evaluator implements
/// the table, so adding a function of this shape is one row. <see cref="Unsupported"/> lists Loki's
/// other range functions, so a query using one is told so by name instead of "unknown function".
/// </summary>
public sealed record RangeFunction(string Name, RangeMeasure Measure, bool PerSecond)
{
    public static readonly IReadOnlyDictionary<string, RangeFunction> Supported = new[]
    {
        new RangeFunction("count_over_time", RangeMeasure.Lines, PerSecond: false),
        new RangeFunction("rate", RangeMeasure.Lines, PerSecond: true),
        new RangeFunction("bytes_over_time", RangeMeasure.Bytes, PerSecond: false),
        new RangeFunction("bytes_rate", RangeMeasure.Bytes, PerSecond: true),
    }.ToDictionary(f => f.Name, StringComparer.Ordinal);

    public static readonly IReadOnlySet<string> Unsupported = new HashSet<string>(StringComparer.Ordinal)
    {
        "sum_over_time", "avg_over_time", "max_over_time", "min_over_time", "stddev_over_time", "stdvar_over_time",
        "quantile_over_time", "first_over_time", "last_over_time", "absent_over_time", "rate_counter",
    };
}
