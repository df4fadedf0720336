using AirisEpm.DaprTestSidecar.Components;
using AirisEpm.DaprTestSidecar.Hosting;

namespace AirisEpm.DaprTestSidecar.Secrets;

/// <summary>
/// The secrets API of one sidecar, as daprd's (dapr/dapr pkg/api/universal/secrets.go): the store must be a
/// secretstores.local.file component the app sees; a single get checks the app's <see cref="SecretScopes"/>
/// before reading, a bulk get reads everything and drops what the scopes deny. Values come from the mesh's
/// <see cref="SecretResolver"/>: the same files as component secretKeyRefs, with MeshOptions.SecretOverrides on top.
/// A value is one key to one string (the store's default, not <c>multiValued</c>).
/// </summary>
public sealed class SecretsApi(DaprMesh mesh, string appId, SecretScopes scopes)
{
    public IReadOnlyDictionary<string, string> Get(string store, string key)
    {
        Validate(store);
        if (!scopes.IsAllowed(store, key))
        {
            throw DaprApiException.SecretPermissionDenied(key, store);
        }

        var value = mesh.Secrets.Secret(store, key) ?? throw DaprApiException.SecretGet(key, store, $"secret {key} not found");
        return new Dictionary<string, string>(StringComparer.Ordinal) { [key] = value };
    }

    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> GetBulk(string store)
    {
        Validate(store);
        return mesh.Secrets.All(store)
            .Where(secret => scopes.IsAllowed(store, secret.Key))
            .ToDictionary(
                secret => secret.Key,
                secret => (IReadOnlyDictionary<string, string>)new Dictionary<string, string>(StringComparer.Ordinal) { [secret.Key] = secret.Value },
                StringComparer.Ordinal);
    }

    private void Validate(string store)
    {
        if (!mesh.Components.VisibleTo(appId).Any(c => c.Type.StartsWith("secretstores.", StringComparison.Ordinal)))
        {
            throw DaprApiException.SecretStoresNotConfigured();
        }

        _ = mesh.Components.Find(appId, store, LocalFileSecretStore.Type) ?? throw DaprApiException.SecretStoreNotFound(store);
    }
}
