namespace AirisEpm.DaprTestSidecar.Components;

/// <summary>A Dapr Component as declared in YAML: plain metadata values and secret references apart.</summary>
public sealed record ComponentDefinition(
    string Name,
    string Type,
    IReadOnlyDictionary<string, string> Metadata,
    IReadOnlyDictionary<string, SecretKeyRef> SecretRefs,
    IReadOnlyList<string> Scopes,
    string? SecretStore)
{
    /// <summary>spec.version ("v1"), as daprd reports it in its metadata.</summary>
    public string Version { get; init; } = "";

    /// <summary>daprd loads a scoped component only into the sidecars of the listed app ids.</summary>
    public bool IsVisibleTo(string appId) => Scopes.Count == 0 || Scopes.Contains(appId, StringComparer.Ordinal);

    public string? Value(string key) => Metadata.TryGetValue(key, out var value) ? value : null;
}

public sealed record SecretKeyRef(string Name, string Key);
