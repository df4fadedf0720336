using AirisEpm.ServiceDefaults.Hosting;
using Microsoft.Extensions.Options;

namespace AirisEpm.MetricsService.Storage;

/// <summary>
/// Deletes data past each tier's retention, once at start and then every
/// <see cref="MetricStoreOptions.RetentionInterval"/>. ClickHouse also has table TTLs; running the
/// same deletes there is harmless and keeps the behaviour identical across stores.
/// </summary>
public sealed class RetentionService(
    IMetricStore store, IOptions<MetricStoreOptions> options, TimeProvider time, ILogger<RetentionService> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        PeriodicLoop.RunAsync(options.Value.RetentionInterval, time, EnforceAsync, logger, "Enforcing metric retention", stoppingToken);

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
}
