using Microsoft.Extensions.Options;

namespace AirisEpm.LogService.Storage;

/// <summary>
/// Deletes records past <see cref="LogStoreOptions.Retention"/>, once at start and then every
/// <see cref="LogStoreOptions.RetentionInterval"/>. The Lucene store drops whole partitions; the
/// Elasticsearch data stream also has its lifecycle, and running the same delete there is harmless.
/// </summary>
public sealed partial class LogRetentionService(
    ILogStore store, IOptions<LogStoreOptions> options, TimeProvider time, ILogger<LogRetentionService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.RetentionInterval, time);
        do
        {
            try
            {
                await EnforceAsync(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                LogRetentionFailed(logger, e);
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    /// <summary>One pass; returns the records deleted.</summary>
    public Task<long> EnforceAsync(CancellationToken cancellationToken)
    {
        var cutoff = time.GetUtcNow() - options.Value.Retention;
        return store.DeleteBeforeAsync((cutoff - DateTimeOffset.UnixEpoch).Ticks * 100, cancellationToken);
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken cancellationToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Enforcing log retention failed; retrying at the next interval")]
    private static partial void LogRetentionFailed(ILogger logger, Exception exception);
}
