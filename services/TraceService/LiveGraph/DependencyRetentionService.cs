using AirisEpm.ServiceDefaults.Hosting;
using AirisEpm.TraceService.Storage;
using AirisEpm.TraceService.Storage.Dependencies;
using Microsoft.Extensions.Options;

namespace AirisEpm.TraceService.LiveGraph;

/// <summary>Deletes stored dependency buckets older than the spans' <see cref="TraceStoreOptions.Retention"/>, on the spans' schedule.</summary>
public sealed class DependencyRetentionService(
    IDependencyStore store, IOptions<TraceStoreOptions> options, TimeProvider time, ILogger<DependencyRetentionService> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        PeriodicLoop.RunAsync(options.Value.RetentionInterval, time, EnforceAsync, logger, "Enforcing dependency graph retention", stoppingToken);

    public Task<long> EnforceAsync(CancellationToken cancellationToken)
    {
        var cutoff = time.GetUtcNow() - options.Value.Retention;
        return store.DeleteOlderThanAsync(cutoff.ToUnixTimeMilliseconds() * 1_000_000, cancellationToken);
    }
}
