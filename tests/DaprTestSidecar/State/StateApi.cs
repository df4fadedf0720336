using System.Globalization;
using AirisEpm.DaprTestSidecar.Hosting;

namespace AirisEpm.DaprTestSidecar.State;

/// <summary>
/// The state API of one sidecar: finds the store the app may use and prefixes keys with the app id
/// (daprd's default keyPrefix), so apps sharing a store do not see each other's keys.
/// </summary>
public sealed class StateApi(DaprMesh mesh, string appId)
{
    public StateEntry? Get(string store, string key) => Store(store).Get(Prefixed(key));

    public void Apply(string store, IReadOnlyList<StateWrite> writes, string operation = "save")
    {
        var target = Store(store);
        try
        {
            target.Apply(writes.Select(w => w with { Key = Prefixed(w.Key) }).ToList());
        }
        catch (EtagMismatchException)
        {
            throw DaprApiException.EtagMismatch(store, operation);
        }
    }

    /// <summary>A state transaction: all writes or none, unless the store's <see cref="InMemoryStateStore.RefuseTransaction"/> refuses it.</summary>
    public void Transact(string store, IReadOnlyList<StateWrite> writes)
    {
        var target = Store(store);
        if (target.RefuseTransaction?.Invoke([.. writes.Select(w => w with { Key = Prefixed(w.Key) })]) is { } reason)
        {
            throw DaprApiException.StateTransaction(reason);
        }

        Apply(store, writes);
    }

    /// <summary>The ttlInSeconds metadata as daprd reads it; -1 or absent means no expiry.</summary>
    public static TimeSpan? Ttl(IReadOnlyDictionary<string, string> metadata)
    {
        if (!metadata.TryGetValue("ttlInSeconds", out var text))
        {
            return null;
        }

        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds))
        {
            throw DaprApiException.BadRequest("ERR_MALFORMED_REQUEST", $"incorrect value for metadata 'ttlInSeconds': {text}");
        }

        return seconds < 0 ? null : TimeSpan.FromSeconds(seconds);
    }

    private InMemoryStateStore Store(string name)
    {
        if (!mesh.Components.VisibleTo(appId).Any(c => c.Type.StartsWith("state.", StringComparison.Ordinal)))
        {
            throw DaprApiException.StateStoresNotConfigured();
        }

        var component = mesh.Components.Find(appId, name, "state.") ?? throw DaprApiException.StateStoreNotFound(name);
        return mesh.StateStore(component.Name);
    }

    private string Prefixed(string key) => $"{appId}||{key}";
}
