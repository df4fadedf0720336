namespace AirisEpm.MetricsService.Storage;

/// <summary>
/// Aggregate the samples of the given series, mapped to groups, into step buckets
/// [start + i*step, start + (i+1)*step) for i in [0, buckets). On a rollup tier a rollup bucket
/// belongs to the step bucket that holds its start.
/// </summary>
public sealed record AggregateQuery(StorageTier Tier, IReadOnlyDictionary<long, int> SeriesGroups, long StartMs, long StepMs, long Buckets)
{
    public long EndExclusiveMs => StartMs + (StepMs * Buckets);
}
