using AirisEpm.ServiceDefaults.Dapr;
using Dapr.Client;

namespace AirisEpm.AlertService.Application;

/// <summary>
/// The engine snapshot under one state-store key. One key keeps alerts, silences and the
/// notification log consistent with each other; the snapshot of a busy Alertmanager is a few MB.
/// </summary>
public sealed class DaprEngineStateStore(DaprClient dapr) : IEngineStateStore
{
    private const string Key = "alert-engine";

    public Task<EngineSnapshot?> LoadAsync(CancellationToken cancellationToken) =>
        dapr.GetStateAsync<EngineSnapshot?>(DaprComponents.StateStore, Key, cancellationToken: cancellationToken);

    public Task SaveAsync(EngineSnapshot snapshot, CancellationToken cancellationToken) =>
        dapr.SaveStateAsync(DaprComponents.StateStore, Key, snapshot, cancellationToken: cancellationToken);
}
