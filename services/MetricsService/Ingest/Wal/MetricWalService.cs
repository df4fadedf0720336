using AirisEpm.MetricsService.Storage;

namespace AirisEpm.MetricsService.Ingest.Wal;

/// <summary>
/// Replays the write-ahead log into the store at start (after the store's initialiser, before the server takes
/// requests) and, at shutdown after the batching writer's last flush, deletes the segments that are all stored.
/// </summary>
internal sealed class MetricWalService(MetricWal wal, IMetricStore store) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => wal.OpenAsync(store, cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => wal.CloseAsync(TimeSpan.FromSeconds(5));
}
