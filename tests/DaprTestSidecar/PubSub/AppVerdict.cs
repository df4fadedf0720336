using System.Text.Json;

namespace AirisEpm.DaprTestSidecar.PubSub;

public enum AppVerdict
{
    Success,
    Retry,
    Drop,
}

/// <summary>How daprd reads an app's answer to a delivery.</summary>
public static class AppVerdicts
{
    /// <summary>
    /// 2xx acknowledges unless the body says {"status":"RETRY"|"DROP"}; 404 drops; anything else retries.
    /// An unknown status in the body is retried, as daprd does.
    /// </summary>
    public static AppVerdict From(int statusCode, string body)
    {
        if (statusCode == 404)
        {
            return AppVerdict.Drop;
        }

        if (statusCode is < 200 or >= 300)
        {
            return AppVerdict.Retry;
        }

        var status = StatusOf(body);
        return status?.ToUpperInvariant() switch
        {
            null or "" or "SUCCESS" => AppVerdict.Success,
            "DROP" => AppVerdict.Drop,
            _ => AppVerdict.Retry,
        };
    }

    private static string? StatusOf(string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            return json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty("status", out var status)
                ? status.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
