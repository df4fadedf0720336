namespace AirisEpm.MetricsService.Query;

/// <summary>How the samples (or per-series function values) of a group in one step combine.</summary>
public enum Aggregation
{
    Avg,
    Min,
    Max,
    Sum,
    Count,
    Last,
    P50,
    P90,
    P95,
    P99,
}

public static class Aggregations
{
    public const string Known = "avg, min, max, sum, count, last, p50, p90, p95, p99";

    public static bool TryParse(string? text, out Aggregation aggregation) =>
        Enum.TryParse(text, ignoreCase: true, out aggregation) && !int.TryParse(text, out _);

    /// <summary>The quantile a pXX aggregation asks for, or null for the mergeable ones.</summary>
    public static double? Quantile(this Aggregation aggregation) => aggregation switch
    {
        Aggregation.P50 => 0.50,
        Aggregation.P90 => 0.90,
        Aggregation.P95 => 0.95,
        Aggregation.P99 => 0.99,
        _ => null,
    };
}
