namespace AirisEpm.AlertService.Rules;

/// <summary>Runs a <see cref="MetricQuery"/> against metrics-service; throws <see cref="MetricQueryException"/> when it cannot answer.</summary>
public interface IMetricQueryClient
{
    Task<MetricQueryResult> QueryAsync(MetricQuery query, CancellationToken cancellationToken);
}
