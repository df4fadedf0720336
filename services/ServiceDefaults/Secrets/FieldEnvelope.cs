using System.Buffers.Text;

namespace AirisEpm.ServiceDefaults.Secrets;

/// <summary>
/// The text form of one encrypted field value:
/// <code>enc:v1:&lt;kid&gt;:&lt;base64url(nonce | ciphertext | tag)&gt;</code>
/// <list type="bullet">
/// <item><c>v1</c> is AES-256-GCM with a 12-byte (96-bit) random nonce and a 16-byte (128-bit) tag;</item>
/// <item><c>kid</c> names the key in the <see cref="FieldKeyRing"/> (1 to 64 of <c>A-Z a-z 0-9 . _ -</c>);</item>
/// <item>the payload is base64url without padding (RFC 4648 §5), in its one canonical spelling;</item>
/// <item>the associated data is the UTF-8 of <c>enc:v1:&lt;kid&gt;:</c> followed by the field's path, so a
/// value moved to another field, or relabelled with another key id, fails to decrypt.</item>
/// </list>
/// </summary>
public readonly record struct FieldEnvelope(string KeyId, byte[] Payload)
{
    /// <summary>Any value starting with this is treated as an envelope (and must decrypt), whatever its version.</summary>
    public const string Marker = "enc:";

    public const string V1Prefix = "enc:v1:";

    public const int NonceSize = 12;

    public const int TagSize = 16;

    public const int MaxKeyIdLength = 64;

    public static bool LooksLikeEnvelope(string value) => value.StartsWith(Marker, StringComparison.Ordinal);

    public static bool IsValidKeyId(string keyId) =>
        keyId.Length is > 0 and <= MaxKeyIdLength && keyId.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-');

    /// <summary>The bytes the tag authenticates besides the ciphertext.</summary>
    internal static string AssociatedData(string keyId, string fieldPath) => $"{V1Prefix}{keyId}:{fieldPath}";

    /// <summary>
    /// Splits <paramref name="text"/> into key id and payload. Whitespace, padding or any other
    /// spelling of the payload than the canonical one is refused, so that every change to the text
    /// is a change to the bytes the tag checks.
    /// </summary>
    public static bool TryParse(string text, out FieldEnvelope envelope)
    {
        envelope = default;
        if (!text.StartsWith(V1Prefix, StringComparison.Ordinal)) return false;
        var rest = text.AsSpan(V1Prefix.Length);
        var colon = rest.IndexOf(':');
        if (colon < 0) return false;
        var keyId = rest[..colon].ToString();
        var encoded = rest[(colon + 1)..];
        if (!IsValidKeyId(keyId) || !Base64Url.IsValid(encoded, out var length) || length < NonceSize + TagSize) return false;
        var payload = Base64Url.DecodeFromChars(encoded);
        if (!encoded.SequenceEqual(Base64Url.EncodeToString(payload))) return false;
        envelope = new FieldEnvelope(keyId, payload);
        return true;
    }

    public override string ToString() => $"{V1Prefix}{KeyId}:{Base64Url.EncodeToString(Payload)}";
}
