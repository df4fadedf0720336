using AirisEpm.ServiceDefaults.Hosting;
using Microsoft.Extensions.Options;

namespace AirisEpm.LogService.Storage;

/// <summary>
/// Deletes records past <see cref="LogStoreOptions.Retention"/>, once at start and then every
/// <see cref="LogStoreOptions.RetentionInterval"/>. The Lucene store drops whole partitions; the
/// Elasticsearch data stream also has its lifecycle, and running the same delete there is harmless.
/// </summary>
public sealed class LogRetentionService(
    ILogStore store, IOptions<LogStoreOptions> options, TimeProvider time, ILogger<LogRetentionService> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        PeriodicLoop.RunAsync(options.Value.RetentionInterval, time, EnforceAsync, logger, "Enforcing log retention", stoppingToken);

    /// <summary>One pass; returns the records deleted.</summary>
    public Task<long> EnforceAsync(CancellationToken cancellationToken)
    {
        var cutoff = time.GetUtcNow() - options.Value.Retention;
        return store.DeleteBeforeAsync((cutoff - DateTimeOffset.UnixEpoch).Ticks * 100, cancellationToken);
    }
}
