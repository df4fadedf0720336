using AirisEpm.AlertService.Application;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AirisEpm.AlertService.EngineHosting;

/// <summary>
/// Healthy when the alert engine answers this replica (through its actor, wherever it is active)
/// and holds its saved state; degraded while it is still restoring.
/// </summary>
public sealed class AlertEngineHealthCheck(IEnginePinger engine) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            return await engine.PingAsync()
                ? HealthCheckResult.Healthy("The alert engine answers and holds its saved state.")
                : HealthCheckResult.Degraded("The alert engine answers but is still restoring its saved state.");
        }
        catch (Exception e)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, "The alert engine does not answer.", e);
        }
    }
}
