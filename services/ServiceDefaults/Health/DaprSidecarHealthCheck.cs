using Dapr.Client;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AirisEpm.ServiceDefaults.Health;

/// <summary>Asks the sidecar's /v1.0/healthz. No sidecar is reported, never thrown.</summary>
public sealed class DaprSidecarHealthCheck(DaprClient dapr) : IHealthCheck
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        try
        {
            return await dapr.CheckHealthAsync(timeout.Token)
                ? HealthCheckResult.Healthy("The Dapr sidecar answered.")
                : HealthCheckResult.Unhealthy("The Dapr sidecar is not healthy.");
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("The Dapr sidecar did not answer.", ex);
        }
    }
}
