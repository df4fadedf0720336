namespace AirisEpm.DaprTestSidecar.PubSub;

/// <summary>A publish call, from gRPC PublishEvent or HTTP /v1.0/publish.</summary>
public sealed record PublishRequest(
    string PubSubName,
    string Topic,
    byte[] Data,
    string? DataContentType,
    IReadOnlyDictionary<string, string> Metadata);
