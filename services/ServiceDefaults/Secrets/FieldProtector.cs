using System.Security.Cryptography;
using System.Text;

namespace AirisEpm.ServiceDefaults.Secrets;

/// <summary>
/// Encrypts single configuration values (a webhook URL, a password) for storage, bound to the path
/// of the field that holds them (<c>receivers[2].webhook_configs[0].url</c>), in the
/// <see cref="FieldEnvelope"/> format. AES-256-GCM with a fresh random 96-bit nonce per value:
/// two encryptions of one value differ, and with random nonces one key stays within NIST SP 800-38D's
/// limit for 2^32 values, far beyond how often configuration is saved.
/// </summary>
public sealed class FieldProtector(FieldKeyRing keys)
{
    public string ActiveKeyId => keys.ActiveKeyId;

    /// <summary>True for text in envelope form (any version): such a value is never taken as plaintext.</summary>
    public static bool IsEnvelope(string value) => FieldEnvelope.LooksLikeEnvelope(value);

    /// <summary>Seals <paramref name="plaintext"/> under the active key for the field at <paramref name="fieldPath"/>.</summary>
    public string Protect(string plaintext, string fieldPath)
    {
        ArgumentNullException.ThrowIfNull(plaintext);
        ArgumentNullException.ThrowIfNull(fieldPath);
        var plain = Encoding.UTF8.GetBytes(plaintext);
        var payload = new byte[FieldEnvelope.NonceSize + plain.Length + FieldEnvelope.TagSize];
        var nonce = payload.AsSpan(0, FieldEnvelope.NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(keys.ActiveKey, FieldEnvelope.TagSize);
        aes.Encrypt(nonce, plain, payload.AsSpan(FieldEnvelope.NonceSize, plain.Length), payload.AsSpan(FieldEnvelope.NonceSize + plain.Length),
            Encoding.UTF8.GetBytes(FieldEnvelope.AssociatedData(keys.ActiveKeyId, fieldPath)));
        return new FieldEnvelope(keys.ActiveKeyId, payload).ToString();
    }

    /// <summary>
    /// The plaintext of <paramref name="envelope"/>, which must have been sealed for <paramref name="fieldPath"/>
    /// with a key of the ring. Anything else throws <see cref="FieldDecryptionException"/>.
    /// </summary>
    public string Unprotect(string envelope, string fieldPath)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        ArgumentNullException.ThrowIfNull(fieldPath);
        if (!FieldEnvelope.TryParse(envelope, out var parsed)) throw new FieldDecryptionException(fieldPath, FieldDecryptionFailure.Malformed);
        if (!keys.TryGetKey(parsed.KeyId, out var key)) throw new FieldDecryptionException(fieldPath, FieldDecryptionFailure.UnknownKey, parsed.KeyId);

        var payload = parsed.Payload.AsSpan();
        var cipher = payload[FieldEnvelope.NonceSize..^FieldEnvelope.TagSize];
        var plain = new byte[cipher.Length];
        try
        {
            using var aes = new AesGcm(key, FieldEnvelope.TagSize);
            aes.Decrypt(payload[..FieldEnvelope.NonceSize], cipher, payload[^FieldEnvelope.TagSize..], plain,
                Encoding.UTF8.GetBytes(FieldEnvelope.AssociatedData(parsed.KeyId, fieldPath)));
        }
        catch (AuthenticationTagMismatchException)
        {
            throw new FieldDecryptionException(fieldPath, FieldDecryptionFailure.NotAuthentic, parsed.KeyId);
        }

        return Encoding.UTF8.GetString(plain);
    }

    /// <summary>Opens <paramref name="envelope"/> and seals it again under the active key (key rotation).</summary>
    public string Reencrypt(string envelope, string fieldPath) => Protect(Unprotect(envelope, fieldPath), fieldPath);
}
