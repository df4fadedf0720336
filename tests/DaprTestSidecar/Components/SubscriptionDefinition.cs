namespace AirisEpm.DaprTestSidecar.Components;

/// <summary>A subscription, programmatic (GET /dapr/subscribe) or declarative (Subscription YAML).</summary>
public sealed record SubscriptionDefinition(
    string PubSubName,
    string Topic,
    IReadOnlyList<RouteRule> Rules,
    string? DefaultRoute,
    string? DeadLetterTopic,
    IReadOnlyList<string> Scopes)
{
    /// <summary>True for a Subscription resource (daprd's metadata type DECLARATIVE), false for one the app served.</summary>
    public bool Declarative { get; init; }

    public bool IsVisibleTo(string appId) => Scopes.Count == 0 || Scopes.Contains(appId, StringComparer.Ordinal);
}

/// <summary>A routing rule: a CEL match expression and the path it sends matching events to.</summary>
public sealed record RouteRule(string Match, string Path);
