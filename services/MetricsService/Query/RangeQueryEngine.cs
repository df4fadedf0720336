using AirisEpm.MetricsService.Storage;
using AirisEpm.PromQl.Model;
using Microsoft.Extensions.Options;

namespace AirisEpm.MetricsService.Query;

/// <summary>
/// Answers range queries: selects series, groups them, and lets the store aggregate mergeable
/// statistics per step bucket (one row per group and bucket crosses the wire). Quantiles and
/// counter functions need the samples and are computed here from <see cref="IMetricStore.PointsAsync"/>.
/// Stale markers end a series but are no values: the store leaves them out of its statistics and this
/// engine skips them in the raw samples.
/// </summary>
public sealed class RangeQueryEngine(IMetricStore store, IOptions<QueryOptions> options)
{
    public async Task<RangeResult> ExecuteAsync(RangeQuery query, CancellationToken cancellationToken)
    {
        var series = await store.FindSeriesAsync(query.Selector, cancellationToken);
        if (series.Count > options.Value.MaxSeries)
        {
            throw new QueryLimitException("match[]", $"The selector matches {series.Count} series, more than the limit of {options.Value.MaxSeries}.");
        }

        var (seriesGroups, groupLabels) = SeriesGrouping.Group(series, query.GroupBy);
        var plan = query.Plan;
        var tier = query.Tier;
        var values = query.Function != CounterFunction.None
            ? await CounterValuesAsync(query, tier, seriesGroups, groupLabels.Count, cancellationToken)
            : query.Aggregation.Quantile() is { } phi
                ? await SampleQuantilesAsync(query, phi, seriesGroups, groupLabels.Count, cancellationToken)
                : await MergedStatsAsync(query, tier, seriesGroups, groupLabels.Count, cancellationToken);

        var result = new List<ResultSeries>();
        for (var group = 0; group < groupLabels.Count; group++)
        {
            var points = values[group].Select(v => new ResultPoint(plan.BucketStart(v.Key), v.Value)).ToList();
            if (points.Count > 0)
            {
                result.Add(new ResultSeries(groupLabels[group], points));
            }
        }

        return new RangeResult(tier.Label(), plan.StartMs, plan.EndMs, plan.StepMs, result);
    }

    private async Task<SortedDictionary<long, double>[]> MergedStatsAsync(
        RangeQuery query, StorageTier tier, Dictionary<long, int> seriesGroups, int groups, CancellationToken cancellationToken)
    {
        var plan = query.Plan;
        var rows = await store.AggregateAsync(new AggregateQuery(tier, seriesGroups, plan.StartMs, plan.StepMs, plan.Buckets), cancellationToken);
        var values = NewGroups(groups);
        foreach (var row in rows)
        {
            values[row.Group][row.BucketIndex] = BucketStats.From(row).Evaluate(query.Aggregation);
        }

        return values;
    }

    private async Task<SortedDictionary<long, double>[]> SampleQuantilesAsync(
        RangeQuery query, double phi, Dictionary<long, int> seriesGroups, int groups, CancellationToken cancellationToken)
    {
        var plan = query.Plan;
        var end = plan.BucketStart(plan.Buckets) - 1;
        var points = await store.PointsAsync(StorageTier.Raw, seriesGroups.Keys, plan.StartMs, end, cancellationToken);
        var samples = new Dictionary<(int Group, long Bucket), List<double>>();
        foreach (var series in points)
        {
            var group = seriesGroups[series.SeriesId];
            for (var k = 0; k < series.Timestamps.Length; k++)
            {
                if (StaleMarker.IsStale(series.Values[k]))
                {
                    continue;
                }

                var bucket = (series.Timestamps[k] - plan.StartMs) / plan.StepMs;
                if (!samples.TryGetValue((group, bucket), out var list))
                {
                    samples[(group, bucket)] = list = [];
                }

                list.Add(series.Values[k]);
            }
        }

        var values = NewGroups(groups);
        foreach (var ((group, bucket), list) in samples)
        {
            values[group][bucket] = Quantiles.Of(list, phi);
        }

        return values;
    }

    private async Task<SortedDictionary<long, double>[]> CounterValuesAsync(
        RangeQuery query, StorageTier tier, Dictionary<long, int> seriesGroups, int groups, CancellationToken cancellationToken)
    {
        var plan = query.Plan;
        var end = plan.BucketStart(plan.Buckets) - 1;
        // One step of look-back so the first bucket sees the pair that crosses into it.
        var points = await store.PointsAsync(tier, seriesGroups.Keys, plan.StartMs - plan.StepMs, end, cancellationToken);
        var perBucket = new Dictionary<(int Group, long Bucket), List<double>>();
        foreach (var series in points)
        {
            var increases = query.Function == CounterFunction.Rate
                ? CounterMath.RatePerBucket(series.Timestamps, series.Values, plan.StartMs, plan.StepMs, plan.Buckets)
                : CounterMath.IncreasePerBucket(series.Timestamps, series.Values, plan.StartMs, plan.StepMs, plan.Buckets);
            var group = seriesGroups[series.SeriesId];
            for (var bucket = 0L; bucket < increases.Length; bucket++)
            {
                if (double.IsNaN(increases[bucket]))
                {
                    continue;
                }

                if (!perBucket.TryGetValue((group, bucket), out var list))
                {
                    perBucket[(group, bucket)] = list = [];
                }

                list.Add(increases[bucket]);
            }
        }

        var values = NewGroups(groups);
        foreach (var ((group, bucket), list) in perBucket)
        {
            values[group][bucket] = Combine(list, query.Aggregation);
        }

        return values;
    }

    /// <summary>Combines the per-series function values of one group and bucket.</summary>
    internal static double Combine(List<double> values, Aggregation aggregation)
    {
        if (aggregation.Quantile() is { } phi)
        {
            return Quantiles.Of(values, phi);
        }

        var stats = new BucketStats(values[0], values[0], values[0], 1, values[0], 0);
        for (var i = 1; i < values.Count; i++)
        {
            stats = stats.Merge(new BucketStats(values[i], values[i], values[i], 1, values[i], i));
        }

        return stats.Evaluate(aggregation);
    }

    private static SortedDictionary<long, double>[] NewGroups(int groups) =>
        Enumerable.Range(0, groups).Select(_ => new SortedDictionary<long, double>()).ToArray();
}
