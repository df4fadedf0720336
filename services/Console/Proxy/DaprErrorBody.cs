using System.Text.Json;

namespace AirisEpm.WebConsole.Proxy;

/// <summary>
/// daprd's own error answer, <c>{"errorCode": "ERR_...", "message": "..."}</c> (application/json), as opposed to the
/// app's: a service answers errors as ProblemDetails (application/problem+json), so a daprd error code means the sidecar
/// refused or could not deliver the call.
/// </summary>
public static class DaprErrorBody
{
    /// <summary>The code and message, or null when <paramref name="body"/> is not daprd's error shape.</summary>
    public static (string Code, string Message)? TryParse(ReadOnlySpan<byte> body)
    {
        try
        {
            var reader = new Utf8JsonReader(body);
            using var document = JsonDocument.ParseValue(ref reader);
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object
                && root.TryGetProperty("errorCode", out var code) && code.ValueKind == JsonValueKind.String
                && code.GetString() is { } text && text.StartsWith("ERR_", StringComparison.Ordinal))
            {
                var message = root.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() ?? "" : "";
                return (text, message);
            }
        }
        catch (JsonException)
        {
        }

        return null;
    }
}
