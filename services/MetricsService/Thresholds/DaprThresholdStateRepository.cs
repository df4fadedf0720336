using AirisEpm.ServiceDefaults.Dapr;
using Dapr.Client;

namespace AirisEpm.MetricsService.Thresholds;

/// <summary>The engine snapshot as one key in the <c>statestore</c> component.</summary>
public sealed class DaprThresholdStateRepository(DaprClient dapr) : IThresholdStateRepository
{
    public const string Key = "threshold-engine";

    public Task<ThresholdSnapshot?> LoadAsync(CancellationToken cancellationToken) =>
        dapr.GetStateAsync<ThresholdSnapshot?>(DaprComponents.StateStore, Key, cancellationToken: cancellationToken);

    public Task SaveAsync(ThresholdSnapshot snapshot, CancellationToken cancellationToken) =>
        dapr.SaveStateAsync(DaprComponents.StateStore, Key, snapshot, cancellationToken: cancellationToken);
}
