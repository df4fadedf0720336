namespace AirisEpm.TraceService.Storage;

/// <summary>Creates or migrates the store's schema before anything writes (registered before any writer or reader).</summary>
public sealed class TraceStoreInitializer(ITraceStore store) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => store.InitializeAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
