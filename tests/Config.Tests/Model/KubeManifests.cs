namespace AirisEpm.Config.Tests.Model;

/// <summary>
/// A set of Kubernetes objects (a kustomization tree, or what kustomize rendered from it) with look-ups by
/// kind; <see cref="Source"/> names it in findings about something missing from it.
/// </summary>
public sealed class KubeManifests(string source, IReadOnlyList<KubeObject> objects)
{
    public string Source { get; } = source;

    public IReadOnlyList<KubeObject> Objects { get; } = objects;

    public IEnumerable<KubeObject> OfKind(string kind) => Objects.Where(o => o.Kind == kind);

    public IEnumerable<KubeObject> Deployments => OfKind("Deployment");

    public KubeObject? Find(string kind, string? name) => OfKind(kind).FirstOrDefault(o => o.Name == name);

    /// <summary>Whether a label selector (matchLabels, or a Service's plain selector) selects these labels.</summary>
    public static bool Selects(IReadOnlyDictionary<string, string> selector, IReadOnlyDictionary<string, string> labels) =>
        selector.Count > 0 && selector.All(pair => labels.TryGetValue(pair.Key, out var value) && value == pair.Value);
}
