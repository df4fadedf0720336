using Microsoft.Extensions.Options;

namespace AirisEpm.MetricsService.Storage;

/// <summary>
/// Deletes data past each tier's retention, once at start and then every
/// <see cref="MetricStoreOptions.RetentionInterval"/>. ClickHouse also has table TTLs; running the
/// same deletes there is harmless and keeps the behaviour identical across stores.
/// </summary>
public sealed partial class RetentionService(
    IMetricStore store, IOptions<MetricStoreOptions> options, TimeProvider time, ILogger<RetentionService> logger) : BackgroundService
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

    /// <summary>One pass over the three tiers; returns the rows deleted per tier.</summary>
    public async Task<IReadOnlyDictionary<StorageTier, long>> EnforceAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var o = options.Value;
        var deleted = new Dictionary<StorageTier, long>();
        foreach (var (tier, keep) in new[] { (StorageTier.Raw, o.RawRetention), (StorageTier.Minute, o.MinuteRetention), (StorageTier.Hour, o.HourRetention) })
        {
            deleted[tier] = await store.DeleteBeforeAsync(tier, (now - keep).ToUnixTimeMilliseconds(), cancellationToken);
        }

        return deleted;
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Enforcing metric retention failed; retrying at the next interval")]
    private static partial void LogRetentionFailed(ILogger logger, Exception exception);
}
