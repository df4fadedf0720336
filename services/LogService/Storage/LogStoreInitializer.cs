namespace AirisEpm.LogService.Storage;

/// <summary>Opens the store (replaying its write-ahead log) before anything writes; register it before the ingest writer.</summary>
public sealed class LogStoreInitializer(ILogStore store) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => store.InitializeAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
