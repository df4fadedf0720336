namespace AirisEpm.LogService.LogQl.Ast;

/// <summary><c>count_over_time({service="api"} |= "error" [5m] offset 1h)</c>: a range function over a log range.</summary>
public sealed record RangeAggregationExpr(RangeFunction Function, LogRange Range) : SampleExpr;

/// <summary>The lines of <see cref="Selector"/> in each window (t − offset − range, t − offset], all in nanoseconds.</summary>
public sealed record LogRange(LogSelectorExpr Selector, long RangeNs, long OffsetNs);
