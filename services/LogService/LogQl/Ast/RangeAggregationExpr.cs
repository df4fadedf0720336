namespace AirisEpm.LogService.LogQl.Ast;

/// <summary>
/// <c>count_over_time({service="api"} |= "error" [5m] offset 1h)</c>, <c>quantile_over_time(0.99, {…} | json | unwrap
/// duration(latency) [5m]) by (path)</c>: a range function over a log range, with the grouping and parameter some take.
/// </summary>
public sealed record RangeAggregationExpr(RangeFunction Function, LogRange Range, Grouping? Grouping = null, double? Parameter = null) : SampleExpr;

/// <summary>The lines of <see cref="Selector"/> in each window (t − offset − range, t − offset], all in nanoseconds; with <see cref="Unwrap"/>, the values of a label.</summary>
public sealed record LogRange(LogSelectorExpr Selector, long RangeNs, long OffsetNs, Unwrap? Unwrap = null);

/// <summary>How <c>| unwrap</c> reads the label: as a number (a Go float), <c>bytes(x)</c> as a size, <c>duration(x)</c>/<c>duration_seconds(x)</c> as seconds.</summary>
public enum UnwrapConversion
{
    Number,
    Bytes,
    Duration,
    DurationSeconds,
}

/// <summary><c>| unwrap duration(latency) | __error__=""</c>: the label whose value each line contributes, and the label filters that run after the conversion.</summary>
public sealed record Unwrap(string Label, UnwrapConversion Conversion, IReadOnlyList<LabelPredicate> PostFilters);
