using AirisEpm.MetricsService.Storage;

namespace AirisEpm.MetricsService.Query;

/// <summary>
/// Min, max, sum, count and last of a set of samples. Two of them merge exactly (sum of sums,
/// count of counts, last by timestamp), which is why avg over rollups is never an average of averages.
/// </summary>
public readonly record struct BucketStats(double Min, double Max, double Sum, long Count, double Last, long LastTs)
{
    public static BucketStats From(AggregateRow row) => new(row.Min, row.Max, row.Sum, row.Count, row.Last, row.LastTs);

    public BucketStats Merge(BucketStats other) => new(
        Math.Min(Min, other.Min),
        Math.Max(Max, other.Max),
        Sum + other.Sum,
        Count + other.Count,
        other.LastTs > LastTs ? other.Last : Last,
        Math.Max(LastTs, other.LastTs));

    /// <summary>The value of a mergeable aggregation; quantiles need the samples themselves.</summary>
    public double Evaluate(Aggregation aggregation) => aggregation switch
    {
        Aggregation.Avg => Count == 0 ? double.NaN : Sum / Count,
        Aggregation.Min => Min,
        Aggregation.Max => Max,
        Aggregation.Sum => Sum,
        Aggregation.Count => Count,
        Aggregation.Last => Last,
        _ => throw new ArgumentOutOfRangeException(nameof(aggregation), aggregation, "Quantiles cannot be computed from merged statistics."),
    };
}
