using AirisEpm.DaprTestSidecar.Components;

namespace AirisEpm.DaprTestSidecar.Hosting;

/// <summary>What /v1.0/metadata and GetMetadata report, with the fields of daprd's GetMetadataResponse.</summary>
public sealed record SidecarDescription(
    string Id,
    string RuntimeVersion,
    IReadOnlyList<string> EnabledFeatures,
    IReadOnlyList<RegisteredComponent> Components,
    IReadOnlyList<SubscriptionDefinition> Subscriptions,
    IReadOnlyList<(string Type, int Count)> ActiveActors,
    ActorRuntimeDescription ActorRuntime,
    IReadOnlyList<string> HttpEndpoints,
    AppConnectionDescription AppConnection);

/// <summary>A loaded component, with the capabilities daprd derives from its features (ETAG, TRANSACTIONAL, ACTOR, ...).</summary>
public sealed record RegisteredComponent(string Name, string Type, string Version, IReadOnlyList<string> Capabilities);

/// <summary>daprd's actorRuntime: RUNNING with an actor state store, DISABLED without; hostReady once the app hosts types.</summary>
public sealed record ActorRuntimeDescription(string RuntimeStatus, bool HostReady, string Placement);

/// <summary>How the sidecar reaches its app (appConnectionProperties), with its app health check when one is on.</summary>
public sealed record AppConnectionDescription(int Port, string Protocol, string ChannelAddress, int MaxConcurrency, AppHealthCheck? Health);
