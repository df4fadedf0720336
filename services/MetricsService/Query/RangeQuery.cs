using AirisEpm.MetricsService.Storage;
using AirisEpm.PromQl.Model;

namespace AirisEpm.MetricsService.Query;

/// <summary>A counter function applied per series before the group aggregation.</summary>
public enum CounterFunction
{
    None,
    Rate,
    Increase,
}

/// <summary>
/// A validated <c>/api/v1/metrics/query_range</c> query: the series (<see cref="Name"/> and <see cref="Matchers"/>,
/// all of which apply), buckets [start + i·step, start + (i+1)·step) for i in [0, ⌊(end−start)/step⌋], and what to
/// compute per bucket. <see cref="GroupBy"/> null answers one result per series; a list (possibly empty, meaning
/// everything together) groups series by those labels. <see cref="RangeQueryTranslator"/> turns it into PromQL.
/// </summary>
public sealed record RangeQuery(
    string? Name,
    IReadOnlyList<Matcher> Matchers,
    long StartMs,
    long EndMs,
    long StepMs,
    Aggregation Aggregation,
    IReadOnlyList<string>? GroupBy,
    CounterFunction Function,
    StorageTier Tier)
{
    public long Buckets => ((EndMs - StartMs) / StepMs) + 1;

    public long BucketStart(long index) => StartMs + (index * StepMs);
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
