using AirisEpm.ServiceDefaults.Hosting;
using Microsoft.Extensions.Options;

namespace AirisEpm.TraceService.Storage;

/// <summary>
/// Deletes spans older than <see cref="TraceStoreOptions.Retention"/>, once at start and then every
/// <see cref="TraceStoreOptions.RetentionInterval"/>. ClickHouse also has the table TTL; running the same
/// delete there is harmless and keeps the behaviour identical across stores.
/// </summary>
public sealed class TraceRetentionService(
    ITraceStore store, IOptions<TraceStoreOptions> options, TimeProvider time, ILogger<TraceRetentionService> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        PeriodicLoop.RunAsync(options.Value.RetentionInterval, time, EnforceAsync, logger, "Enforcing trace retention", stoppingToken);

    /// <summary>One pass; returns the stored rows deleted.</summary>
    public Task<long> EnforceAsync(CancellationToken cancellationToken)
    {
        var cutoff = time.GetUtcNow() - options.Value.Retention;
        return store.DeleteOlderThanAsync(cutoff.ToUnixTimeMilliseconds() * 1_000_000, cancellationToken);
    }
}
