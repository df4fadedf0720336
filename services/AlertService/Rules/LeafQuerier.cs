using AirisEpm.AlertService.Domain.Rules;

namespace AirisEpm.AlertService.Rules;

/// <summary>
/// Queries every leaf of a condition: metric leaves from metrics-service, log leaves (a count over
/// the window) from log-service, trace leaves (a service's or an edge's p95 latency or error rate over
/// the window) from trace-service. A query that fails makes its leaf an error, never false; a window
/// without calls is "no data", since neither latency nor error rate exists then.
/// </summary>
public sealed class LeafQuerier(IMetricQueryClient metrics, ILogCountClient logs, ITraceMeasureClient traces)
{
    public async Task<IReadOnlyDictionary<string, LeafResult>> QueryAsync(ConditionNode condition, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var results = new Dictionary<string, LeafResult>(StringComparer.Ordinal);
        foreach (var leaf in condition.Leaves())
        {
            results[leaf.Id] = leaf switch
            {
                MetricCondition m => await MetricAsync(MetricQueryMapper.ForMetric(m, now), r => MetricQueryMapper.ToResult(m, r), cancellationToken),
                AbsentCondition a => await MetricAsync(MetricQueryMapper.ForAbsent(a, now), r => MetricQueryMapper.ToResult(a, r), cancellationToken),
                LogCondition l => await LogAsync(l, now, cancellationToken),
                TraceCondition t => await TraceAsync(t, now, cancellationToken),
                _ => LeafResult.NoData,
            };
        }

        return results;
    }

    /// <summary>A count at the 10,000 lower bound still compares right for thresholds under it, the usual case.</summary>
    private async Task<LeafResult> LogAsync(LogCondition leaf, DateTimeOffset now, CancellationToken cancellationToken)
    {
        try
        {
            var count = await logs.CountAsync(leaf.Query, now - leaf.Window, now, cancellationToken);
            return LeafResult.Compared(count.Records, leaf.Operator, leaf.Threshold);
        }
        catch (LogQueryFailedException ex)
        {
            return LeafResult.Failed(ex.Message);
        }
    }

    private async Task<LeafResult> TraceAsync(TraceCondition leaf, DateTimeOffset now, CancellationToken cancellationToken)
    {
        try
        {
            var measures = await traces.MeasureAsync(leaf.Service, leaf.From, leaf.To, now - leaf.Window, now, cancellationToken);
            var value = leaf.Signal == TraceSignal.ErrorRate ? measures.ErrorRate : measures.P95Ms;
            return value is { } v ? LeafResult.Compared(v, leaf.Operator, leaf.Threshold) : LeafResult.NoData;
        }
        catch (TraceQueryFailedException ex)
        {
            return LeafResult.Failed(ex.Message);
        }
    }

    private async Task<LeafResult> MetricAsync(MetricQuery query, Func<MetricQueryResult, LeafResult> toResult, CancellationToken cancellationToken)
    {
        try
        {
            return toResult(await metrics.QueryAsync(query, cancellationToken));
        }
        catch (MetricQueryException ex)
        {
            return LeafResult.Failed(ex.Message);
        }
    }
}
