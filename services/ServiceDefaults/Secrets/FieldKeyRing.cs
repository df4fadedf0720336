using System.Diagnostics.CodeAnalysis;

namespace AirisEpm.ServiceDefaults.Secrets;

/// <summary>
/// The 256-bit keys a <see cref="FieldProtector"/> may use, by key id, and the active one new values
/// are sealed with. Rotation: add a key and make it active; values sealed with older keys still
/// decrypt (their envelope names their key) until they are re-encrypted; then retire the old key.
/// </summary>
public sealed class FieldKeyRing
{
    public const int KeySize = 32;

    private readonly Dictionary<string, byte[]> _keys;

    public FieldKeyRing(string activeKeyId, IReadOnlyDictionary<string, byte[]> keys)
    {
        ArgumentException.ThrowIfNullOrEmpty(activeKeyId);
        ArgumentNullException.ThrowIfNull(keys);
        foreach (var (kid, key) in keys)
        {
            if (!FieldEnvelope.IsValidKeyId(kid)) throw new ArgumentException($"'{kid}' is not a valid key id.", nameof(keys));
            if (key.Length != KeySize) throw new ArgumentException($"Key '{kid}' is {key.Length} bytes; keys are {KeySize} bytes.", nameof(keys));
        }

        if (!keys.ContainsKey(activeKeyId)) throw new ArgumentException($"The active key '{activeKeyId}' is not in the ring.", nameof(activeKeyId));
        _keys = keys.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.Ordinal);
        ActiveKeyId = activeKeyId;
    }

    public string ActiveKeyId { get; }

    public IReadOnlyCollection<string> KeyIds => _keys.Keys;

    internal byte[] ActiveKey => _keys[ActiveKeyId];

    internal bool TryGetKey(string keyId, [NotNullWhen(true)] out byte[]? key) => _keys.TryGetValue(keyId, out key);

    /// <summary>
    /// The ring <paramref name="options"/> describe. Throws <see cref="ArgumentException"/> listing
    /// every problem (missing or unknown active key, a key that is not base64 of 32 bytes). Whether the
    /// development key is allowed depends on the environment: that is <see cref="ConfigEncryptionOptionsValidator"/>'s call.
    /// </summary>
    public static FieldKeyRing FromOptions(ConfigEncryptionOptions options)
    {
        if (KeyRingProblems.Find(options) is { Count: > 0 } problems)
        {
            throw new ArgumentException(string.Join(" ", problems), nameof(options));
        }

        return new FieldKeyRing(options.ActiveKeyId, options.Keys.ToDictionary(kv => kv.Key, kv => KeyRingProblems.Decode(kv.Value)!, StringComparer.Ordinal));
    }

    /// <summary>The ring in the Dapr secret <c>config-encryption-keys</c>: <c>{"active":"k2","keys":{"k1":"&lt;base64&gt;",...}}</c>.</summary>
    public static FieldKeyRing FromJson(string json) => FromOptions(ConfigEncryptionOptions.FromJson(json));
}
