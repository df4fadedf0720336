namespace AirisEpm.LogService.LogQl.Ast;

/// <summary>What a range function reads from each line: the line itself (counted), its size, or an unwrapped label's value.</summary>
public enum RangeMeasure
{
    Lines,
    Bytes,
    Values,
}

/// <summary>
/// The range functions, as a table (Prometheus's <c>parser/functions.go</c> style), with Loki's rules
/// (<c>RangeAggregationExpr.validate</c>): which run without <c>| unwrap</c> and on what, which need one,
/// which take <c>by</c>/<c>without</c>, which take a parameter. <see cref="Evaluation.SampleWindowAggregators"/>
/// implements the unwrapped ones; count, rate and bytes over lines are also answered by the line counters.
/// </summary>
public sealed record RangeFunction(string Name, RangeMeasure? WithoutUnwrap, bool WithUnwrap, bool AllowsGrouping, bool TakesParameter, bool PerSecond = false)
{
    public static readonly IReadOnlyDictionary<string, RangeFunction> All = new[]
    {
        new RangeFunction("count_over_time", RangeMeasure.Lines, WithUnwrap: false, AllowsGrouping: false, TakesParameter: false),
        new RangeFunction("rate", RangeMeasure.Lines, WithUnwrap: true, AllowsGrouping: false, TakesParameter: false, PerSecond: true),
        new RangeFunction("bytes_over_time", RangeMeasure.Bytes, WithUnwrap: false, AllowsGrouping: false, TakesParameter: false),
        new RangeFunction("bytes_rate", RangeMeasure.Bytes, WithUnwrap: false, AllowsGrouping: false, TakesParameter: false, PerSecond: true),
        new RangeFunction("absent_over_time", RangeMeasure.Lines, WithUnwrap: true, AllowsGrouping: false, TakesParameter: false),
        new RangeFunction("sum_over_time", null, WithUnwrap: true, AllowsGrouping: false, TakesParameter: false),
        new RangeFunction("avg_over_time", null, WithUnwrap: true, AllowsGrouping: true, TakesParameter: false),
        new RangeFunction("min_over_time", null, WithUnwrap: true, AllowsGrouping: true, TakesParameter: false),
        new RangeFunction("max_over_time", null, WithUnwrap: true, AllowsGrouping: true, TakesParameter: false),
        new RangeFunction("stdvar_over_time", null, WithUnwrap: true, AllowsGrouping: true, TakesParameter: false),
        new RangeFunction("stddev_over_time", null, WithUnwrap: true, AllowsGrouping: true, TakesParameter: false),
        new RangeFunction("quantile_over_time", null, WithUnwrap: true, AllowsGrouping: true, TakesParameter: true),
        new RangeFunction("first_over_time", null, WithUnwrap: true, AllowsGrouping: true, TakesParameter: false),
        new RangeFunction("last_over_time", null, WithUnwrap: true, AllowsGrouping: true, TakesParameter: false),
        new RangeFunction("rate_counter", null, WithUnwrap: true, AllowsGrouping: false, TakesParameter: false, PerSecond: true),
    }.ToDictionary(f => f.Name, StringComparer.Ordinal);

    /// <summary>What this function counts over <paramref name="range"/>'s lines: the unwrapped values, or <see cref="WithoutUnwrap"/>.</summary>
    public RangeMeasure MeasureOf(LogRange range)
    {
        ArgumentNullException.ThrowIfNull(range);
        return range.Unwrap is not null ? RangeMeasure.Values : WithoutUnwrap ?? RangeMeasure.Values;
    }

    /// <summary>
    /// Whether the result is additive over lines: the counts and sums whose per-window value a parent <c>sum</c>
    /// may group while reading (Loki's <c>canInjectVectorGrouping</c>): count, rate and bytes over lines.
    /// </summary>
    public bool CountsLines(LogRange range) =>
        range?.Unwrap is null && Name is "count_over_time" or "rate" or "bytes_over_time" or "bytes_rate";
}
