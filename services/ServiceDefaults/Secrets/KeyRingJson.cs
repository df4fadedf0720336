using System.Text.Json;

namespace AirisEpm.ServiceDefaults.Secrets;

/// <summary>The JSON shape of the key ring secret: <c>{"active":"k2","keys":{"k1":"...","k2":"..."}}</c>.</summary>
internal static class KeyRingJson
{
    public static ConfigEncryptionOptions Read(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException ex)
        {
            // JsonException's message quotes the offending text, which here is key material: report the position only.
            throw new ArgumentException(
                $"The key ring ({ConfigEncryptionOptions.SecretName}) is not valid JSON (line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1}).",
                nameof(json));
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw Shape("the document must be an object", nameof(json));
            }

            var options = new ConfigEncryptionOptions();
            if (root.TryGetProperty("active", out var active))
            {
                options.ActiveKeyId = active.ValueKind == JsonValueKind.String ? active.GetString()! : throw Shape("\"active\" must be a string", nameof(json));
            }

            if (root.TryGetProperty("keys", out var keys))
            {
                if (keys.ValueKind != JsonValueKind.Object) throw Shape("\"keys\" must be an object of key id to base64 key", nameof(json));
                foreach (var key in keys.EnumerateObject())
                {
                    options.Keys[key.Name] = key.Value.ValueKind == JsonValueKind.String
                        ? key.Value.GetString()!
                        : throw Shape($"keys.{key.Name} must be a base64 string", nameof(json));
                }
            }

            return options;
        }
    }

    private static ArgumentException Shape(string reason, string paramName) =>
        new($"The key ring ({ConfigEncryptionOptions.SecretName}) has the wrong shape: {reason}; expected {{\"active\":\"k2\",\"keys\":{{\"k1\":\"<base64>\",\"k2\":\"<base64>\"}}}}.", paramName);
}
