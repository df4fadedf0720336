namespace AirisEpm.TraceService.Storage.Dependencies;

/// <summary>Creates or migrates the dependency store's schema before the graph reads or writes it.</summary>
public sealed class DependencyStoreInitializer(IDependencyStore store) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => store.InitializeAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
