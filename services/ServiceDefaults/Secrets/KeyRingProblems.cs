using System.Buffers.Text;

namespace AirisEpm.ServiceDefaults.Secrets;

/// <summary>What makes a configured key ring unusable, in words an operator can act on (never quoting a key).</summary>
internal static class KeyRingProblems
{
    public static List<string> Find(ConfigEncryptionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>();
        if (options.Keys.Count == 0)
        {
            problems.Add($"{ConfigEncryptionOptions.Section} has no keys: set {ConfigEncryptionOptions.Section}:ActiveKeyId and " +
                $"{ConfigEncryptionOptions.Section}:Keys, or the Dapr secret {ConfigEncryptionOptions.SecretName}.");
            return problems;
        }

        foreach (var (kid, value) in options.Keys)
        {
            if (!FieldEnvelope.IsValidKeyId(kid))
            {
                problems.Add($"{ConfigEncryptionOptions.Section}:Keys has the key id '{kid}'; key ids are 1 to 64 letters, digits, '.', '_' or '-'.");
            }
            else if (Decode(value) is not { Length: FieldKeyRing.KeySize })
            {
                problems.Add($"{ConfigEncryptionOptions.Section}:Keys:{kid} must be base64 of exactly {FieldKeyRing.KeySize} bytes (a 256-bit key).");
            }
        }

        if (string.IsNullOrEmpty(options.ActiveKeyId))
        {
            problems.Add($"{ConfigEncryptionOptions.Section}:ActiveKeyId must name the key new values are encrypted with.");
        }
        else if (!options.Keys.ContainsKey(options.ActiveKeyId))
        {
            problems.Add($"{ConfigEncryptionOptions.Section}:ActiveKeyId is '{options.ActiveKeyId}', which is not one of {ConfigEncryptionOptions.Section}:Keys.");
        }

        return problems;
    }

    /// <summary>Standard base64, or base64url as many key generators print it; null when it is neither.</summary>
    public static byte[]? Decode(string value)
    {
        var buffer = new byte[value.Length];
        if (Convert.TryFromBase64String(value, buffer, out var written)) return buffer[..written];
        return Base64Url.IsValid(value) ? Base64Url.DecodeFromChars(value) : null;
    }
}
