using AirisEpm.ServiceDefaults.Dapr;
using Dapr.Client;

namespace AirisEpm.AlertService.Application;

/// <summary>The routing configuration under one state-store key.</summary>
public sealed class DaprAlertingConfigStore(DaprClient dapr) : IAlertingConfigStore
{
    private const string Key = "alerting-config";

    public Task<StoredAlertingConfig?> LoadAsync(CancellationToken cancellationToken) =>
        dapr.GetStateAsync<StoredAlertingConfig?>(DaprComponents.StateStore, Key, cancellationToken: cancellationToken);

    public Task SaveAsync(StoredAlertingConfig config, CancellationToken cancellationToken) =>
        dapr.SaveStateAsync(DaprComponents.StateStore, Key, config, cancellationToken: cancellationToken);
}
