using AirisEpm.ServiceDefaults.Dapr;
using Dapr.Client;

namespace AirisEpm.AlertService.Application;

/// <summary>The routing configuration under one state-store key, written under its ETag.</summary>
public sealed class DaprAlertingConfigStore(DaprClient dapr) : IAlertingConfigStore
{
    private const string Key = "alerting-config";

    public Task<StoredAlertingConfig?> LoadAsync(CancellationToken cancellationToken) =>
        dapr.GetStateAsync<StoredAlertingConfig?>(DaprComponents.StateStore, Key, cancellationToken: cancellationToken);

    public async Task<(StoredAlertingConfig? Config, string? ETag)> LoadForUpdateAsync(CancellationToken cancellationToken)
    {
        var (config, etag) = await dapr.GetStateAndETagAsync<StoredAlertingConfig?>(DaprComponents.StateStore, Key, cancellationToken: cancellationToken);
        return (config, config is null ? null : etag);
    }

    public Task<bool> TrySaveAsync(StoredAlertingConfig config, string? etag, CancellationToken cancellationToken) =>
        dapr.TrySaveUnchangedAsync(DaprComponents.StateStore, Key, config, etag, cancellationToken);
}
