using AirisEpm.DaprTestSidecar.Components;
using YamlDotNet.RepresentationModel;

namespace AirisEpm.DaprTestSidecar.Secrets;

/// <summary>
/// The secret scoping of one sidecar's Configuration file (daprd's <c>--config</c>), by secret store name. A store
/// without a scope, and a sidecar without a Configuration, allow every key. Loading rejects what daprd rejects:
/// a store named twice, a defaultAccess other than allow/deny.
/// </summary>
public sealed class SecretScopes
{
    public static readonly SecretScopes AllowAll = new([]);

    private readonly Dictionary<string, SecretScope> _byStore;

    private SecretScopes(IEnumerable<SecretScope> scopes)
    {
        _byStore = new Dictionary<string, SecretScope>(StringComparer.Ordinal);
        foreach (var scope in scopes)
        {
            if (!_byStore.TryAdd(scope.StoreName, scope))
            {
                throw new InvalidDataException($"{scope.StoreName} storeName is repeated in secrets configuration");
            }
        }
    }

    public bool IsAllowed(string store, string key) => !_byStore.TryGetValue(store, out var scope) || scope.IsAllowed(key);

    /// <summary>Reads the <c>kind: Configuration</c> document of a YAML file.</summary>
    public static SecretScopes Load(string path)
    {
        var stream = new YamlStream();
        using (var reader = File.OpenText(path))
        {
            stream.Load(reader);
        }

        var configuration = stream.Documents.Select(d => d.RootNode).OfType<YamlMappingNode>()
            .FirstOrDefault(root => root.Text("kind") == "Configuration")
            ?? throw new InvalidDataException($"{path} has no kind: Configuration document.");
        return new SecretScopes(configuration.Map("spec")?.Map("secrets")?.Seq("scopes").Select(Read) ?? []);
    }

    private static SecretScope Read(YamlMappingNode node)
    {
        var access = node.Text("defaultAccess") ?? "";
        if (access.Length > 0 && !access.Equals("allow", StringComparison.OrdinalIgnoreCase) && !access.Equals("deny", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidDataException($"defaultAccess {access} can be either allow or deny");
        }

        return new SecretScope(
            node.Text("storeName") ?? "",
            access.Equals("deny", StringComparison.OrdinalIgnoreCase),
            node.Strings("allowedSecrets").ToHashSet(StringComparer.Ordinal),
            node.Strings("deniedSecrets").ToHashSet(StringComparer.Ordinal));
    }
}
