using AirisEpm.MetricsService.Storage;

namespace AirisEpm.MetricsService.Query;

/// <summary>A counter function applied per series before the group aggregation.</summary>
public enum CounterFunction
{
    None,
    Rate,
    Increase,
}

/// <summary>
/// A validated range query. <see cref="GroupBy"/> null answers one result per series; a list
/// (possibly empty, meaning everything together) groups series by those labels.
/// </summary>
public sealed record RangeQuery(
    SeriesSelector Selector,
    StepPlan Plan,
    Aggregation Aggregation,
    IReadOnlyList<string>? GroupBy,
    CounterFunction Function,
    StorageTier? ForcedTier)
{
    /// <summary>
    /// Quantiles of samples need the samples: without a function they are answered from raw,
    /// whatever the step. With a function they are taken over the per-series results and any tier works.
    /// </summary>
    public StorageTier Tier => ForcedTier
        ?? (Aggregation.Quantile() is not null && Function == CounterFunction.None ? StorageTier.Raw : Plan.ChooseTier());
}

public sealed record RangeResult(string Tier, long StartMs, long EndMs, long StepMs, IReadOnlyList<ResultSeries> Series);

public sealed record ResultSeries(IReadOnlyDictionary<string, string> Labels, IReadOnlyList<ResultPoint> Points);

/// <summary>One point: Unix time in milliseconds and the value (NaN and ±Inf are written as strings).</summary>
public readonly record struct ResultPoint(long T, double V);

/// <summary>A query that is well-formed but exceeds a limit; answered 400 naming <see cref="Field"/>.</summary>
public sealed class QueryLimitException(string field, string message) : Exception(message)
{
    public string Field { get; } = field;
}
