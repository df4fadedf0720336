namespace AirisEpm.DaprTestSidecar.Components;

/// <summary>Everything loaded from one components folder.</summary>
public sealed record ComponentSet(
    IReadOnlyList<ComponentDefinition> Components,
    IReadOnlyList<SubscriptionDefinition> Subscriptions,
    ResiliencyConfig Resiliency,
    string BaseDirectory)
{
    /// <summary>The names of the HTTPEndpoint resources (every sidecar loads them; they have no scopes here).</summary>
    public IReadOnlyList<string> HttpEndpoints { get; init; } = [];

    /// <summary>The component named <paramref name="name"/> as the sidecar of <paramref name="appId"/> sees it.</summary>
    public ComponentDefinition? Find(string appId, string name, string typePrefix) =>
        Components.FirstOrDefault(c => c.Name == name && c.Type.StartsWith(typePrefix, StringComparison.Ordinal) && c.IsVisibleTo(appId));

    public IEnumerable<ComponentDefinition> VisibleTo(string appId) => Components.Where(c => c.IsVisibleTo(appId));
}
