namespace AirisEpm.MetricsService.Storage;

/// <summary>
/// Mergeable statistics of the samples of one group in one step bucket: min, max, sum, count and
/// the last value (the one with the greatest timestamp). Everything but quantiles derives from these.
/// </summary>
public readonly record struct AggregateRow(int Group, long BucketIndex, double Min, double Max, double Sum, long Count, double Last, long LastTs);
