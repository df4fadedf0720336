using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AirisEpm.MetricsService.Storage;

/// <summary>Healthy when the store answers a trivial query.</summary>
public sealed class MetricStoreHealthCheck(IMetricStore store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await store.PingAsync(cancellationToken);
            return HealthCheckResult.Healthy($"{store.GetType().Name} answers.");
        }
        catch (Exception e)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, $"{store.GetType().Name} does not answer.", e);
        }
    }
}
