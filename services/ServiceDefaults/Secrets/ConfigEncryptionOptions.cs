namespace AirisEpm.ServiceDefaults.Secrets;

/// <summary>
/// The keys that seal secret configuration fields at rest (section <c>ConfigEncryption</c>):
/// <c>ConfigEncryption:ActiveKeyId</c> and <c>ConfigEncryption:Keys:&lt;kid&gt;</c> = base64 of 32
/// random bytes. Outside Development they come from the Dapr secret <see cref="SecretName"/>, whose
/// value is the JSON document <see cref="FromJson"/> reads; set it as the value of the section itself
/// (<c>ConfigEncryption</c>) and it replaces the two settings above.
/// </summary>
public sealed class ConfigEncryptionOptions
{
    public const string Section = "ConfigEncryption";

    /// <summary>The Dapr secret holding the key ring in every environment.</summary>
    public const string SecretName = "config-encryption-keys";

    public const string DevelopmentKeyId = "dev";

    /// <summary>
    /// The documented key for local development: base64 of the 32 ASCII bytes
    /// <c>airis-epm-development-config-key</c>. Used in Development when no key is configured;
    /// anyone can read it here, so outside Development a service refuses to start with it.
    /// </summary>
    public const string DevelopmentKey = "YWlyaXMtZXBtLWRldmVsb3BtZW50LWNvbmZpZy1rZXk=";

    /// <summary>The key new values are sealed with; it must be one of <see cref="Keys"/>.</summary>
    public string ActiveKeyId { get; set; } = "";

    /// <summary>
    /// Key id → base64 of a 256-bit key. Keep a retired key here until every stored value sealed with
    /// it has been re-encrypted under the active one: values name their key, so removing it too early
    /// makes them unreadable.
    /// </summary>
    public Dictionary<string, string> Keys { get; set; } = new(StringComparer.Ordinal);

    public bool IsEmpty => string.IsNullOrEmpty(ActiveKeyId) && Keys.Count == 0;

    /// <summary>
    /// Reads <c>{"active":"k2","keys":{"k1":"&lt;base64&gt;","k2":"&lt;base64&gt;"}}</c>, the shape of
    /// the Dapr secret. Throws <see cref="ArgumentException"/> naming what is wrong, never echoing the document.
    /// </summary>
    public static ConfigEncryptionOptions FromJson(string json) => KeyRingJson.Read(json);
}
