using AirisEpm.DaprTestSidecar.Components;

namespace AirisEpm.DaprTestSidecar.Hosting;

/// <summary>What /v1.0/metadata and GetMetadata report.</summary>
public sealed record SidecarDescription(
    string Id,
    string RuntimeVersion,
    IReadOnlyList<(string Name, string Type, string Version)> Components,
    IReadOnlyList<SubscriptionDefinition> Subscriptions,
    IReadOnlyList<(string Type, int Count)> ActiveActors);
