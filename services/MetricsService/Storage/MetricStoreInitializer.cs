namespace AirisEpm.MetricsService.Storage;

/// <summary>Creates or migrates the store's schema before anything writes (registered before the batching writer).</summary>
public sealed class MetricStoreInitializer(IMetricStore store) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => store.InitializeAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
