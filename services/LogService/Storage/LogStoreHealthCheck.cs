using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AirisEpm.LogService.Storage;

/// <summary>Healthy when the store answers <see cref="ILogStore.PingAsync"/>.</summary>
public sealed class LogStoreHealthCheck(ILogStore store) : IHealthCheck
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
