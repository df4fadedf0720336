using AirisEpm.AlertService.Domain.Rules;

namespace AirisEpm.AlertService.Rules;

/// <summary>
/// Queries every leaf of a condition. Log and trace leaves answer "no data" until log-service and
/// trace-service offer a query API; a metric query that fails makes its leaf an error, never false.
/// </summary>
public sealed class LeafQuerier(IMetricQueryClient metrics)
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
                _ => LeafResult.NoData,
            };
        }

        return results;
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
