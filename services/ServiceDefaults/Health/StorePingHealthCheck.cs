using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AirisEpm.ServiceDefaults.Health;

/// <summary>Healthy when a store answers its ping; the store's type names it in the report.</summary>
public sealed class StorePingHealthCheck(object store, Func<CancellationToken, Task> ping) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            await ping(cancellationToken);
            return HealthCheckResult.Healthy($"{store.GetType().Name} answers.");
        }
        catch (Exception e)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, $"{store.GetType().Name} does not answer.", e);
        }
    }
}

public static class StorePingHealthCheckExtensions
{
    /// <summary>Checks the registered <typeparamref name="TStore"/> with <paramref name="ping"/>, tagged "store".</summary>
    public static IHealthChecksBuilder AddStorePing<TStore>(this IHealthChecksBuilder builder, string name, Func<TStore, CancellationToken, Task> ping)
        where TStore : class =>
        builder.Add(new HealthCheckRegistration(name, sp =>
        {
            var store = sp.GetRequiredService<TStore>();
            return new StorePingHealthCheck(store, ct => ping(store, ct));
        }, failureStatus: null, tags: ["store"]));
}
