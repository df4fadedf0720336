using AirisEpm.PromQl.Model;
using AirisEpm.AlertService.Domain.Rules;

namespace AirisEpm.AlertService.Rules;

/// <summary>
/// Pure mapping between leaves and <c>query_range</c>. A leaf with window W evaluated at t asks for
/// one bucket: start = end = t − W, step = W (metrics-service buckets cover [start, start + step)),
/// so the answer is the aggregation over [t − W, t). Windows up to <see cref="RawTierLimit"/> force
/// the raw tier, because rollup tiers are only complete for closed minutes/hours and an alert must
/// see the newest samples.
/// </summary>
public static class MetricQueryMapper
{
    public static readonly TimeSpan RawTierLimit = TimeSpan.FromHours(1);

    public static MetricQuery ForMetric(MetricCondition leaf, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(leaf);
        var (agg, fn) = leaf.Aggregation switch
        {
            // Per-series rate, then summed: the total rate of everything the matchers select.
            MetricAggregation.Rate => ("sum", "rate"),
            var a => (a.ToString().ToLowerInvariant(), (string?)null),
        };
        return Build(leaf.Metric, leaf.Matchers, agg, fn, leaf.Window, now);
    }

    /// <summary>Absent asks for the sample count: no series (or no point) in the window means absent.</summary>
    public static MetricQuery ForAbsent(AbsentCondition leaf, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(leaf);
        return Build(leaf.Metric, leaf.Matchers, "count", null, leaf.Window, now);
    }

    /// <summary>No sample in the window is "no data", never false: a quiet metric must not resolve a firing rule.</summary>
    public static LeafResult ToResult(MetricCondition leaf, MetricQueryResult result) =>
        result.Latest is { } value ? LeafResult.Compared(value, leaf.Operator, leaf.Threshold) : LeafResult.NoData;

    public static LeafResult ToResult(AbsentCondition leaf, MetricQueryResult result) =>
        result.Latest is { } count and > 0
            ? new LeafResult(ConditionOutcome.False, count)
            : new LeafResult(ConditionOutcome.True, 0);

    private static MetricQuery Build(string metric, IReadOnlyList<Matcher> matchers, string agg, string? fn, TimeSpan window, DateTimeOffset now)
    {
        var start = (now - window).ToUnixTimeMilliseconds();
        var selector = matchers.Count == 0 ? null : "{" + string.Join(",", matchers.Select(m => m.ToString())) + "}";
        return new MetricQuery(metric, selector, agg, fn, start, start, (long)window.TotalMilliseconds, window <= RawTierLimit);
    }
}
