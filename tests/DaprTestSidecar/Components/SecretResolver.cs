using AirisEpm.DaprTestSidecar.Hosting;

namespace AirisEpm.DaprTestSidecar.Components;

/// <summary>Resolves a component's metadata: plain values, secretKeyRefs through its secret store, then test overrides.</summary>
public sealed class SecretResolver(ComponentSet components, MeshOptions options)
{
    private readonly Dictionary<string, LocalFileSecretStore> _stores = components.Components
        .Where(c => c.Type == LocalFileSecretStore.Type)
        .ToDictionary(c => c.Name, c => new LocalFileSecretStore(c, components.BaseDirectory), StringComparer.Ordinal);

    public string? Secret(string store, string name) =>
        options.SecretOverrides.TryGetValue(name, out var overridden) ? overridden
        : _stores.TryGetValue(store, out var secrets) ? secrets.Get(name)
        : null;

    /// <summary>Every secret of a local file store, the overrides on top (they apply to every store, as in <see cref="Secret"/>).</summary>
    public IReadOnlyDictionary<string, string> All(string store)
    {
        var all = _stores.TryGetValue(store, out var secrets)
            ? new Dictionary<string, string>(secrets.All, StringComparer.Ordinal)
            : new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in options.SecretOverrides)
        {
            all[name] = value;
        }

        return all;
    }

    public IReadOnlyDictionary<string, string> Metadata(ComponentDefinition component)
    {
        var values = new Dictionary<string, string>(component.Metadata, StringComparer.Ordinal);
        foreach (var (key, reference) in component.SecretRefs)
        {
            var store = component.SecretStore ?? "kubernetes";
            values[key] = Secret(store, reference.Name)
                ?? throw new InvalidOperationException($"Component {component.Name}: secret {reference.Name} not found in secret store {store}.");
        }

        foreach (var (key, value) in options.MetadataOverrides)
        {
            var parts = key.Split(':', 2);
            if (parts.Length == 2 && parts[0] == component.Name)
            {
                values[parts[1]] = value;
            }
        }

        return values;
    }
}
