using System.Text.Json;

namespace AirisEpm.WebConsole.Apps;

/// <summary>
/// Reads a service's /health JSON (<c>{"status": ..., "checks": [{"name", "status", "description", "error"}]}</c>) into a
/// row of /api/apps: the overall status, the <c>dapr-sidecar</c> check as the sidecar's, and the failing checks as detail.
/// </summary>
public static class HealthReading
{
    public const string SidecarCheck = "dapr-sidecar";

    public static AppStatus Read(string appId, string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            var status = Text(root, "status") is { } s && s is AppStatus.Healthy or AppStatus.Degraded or AppStatus.Unhealthy ? s : AppStatus.Unhealthy;
            // A root that is not an object (a number, an array) has no checks; TryGetProperty would throw on it.
            var checks = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("checks", out var list) && list.ValueKind == JsonValueKind.Array
                ? list.EnumerateArray().ToList()
                : [];
            var sidecar = checks.Any(c => Text(c, "name") == SidecarCheck && Text(c, "status") == AppStatus.Healthy) ? AppStatus.Healthy : AppStatus.Unreachable;
            var failing = checks.Where(c => Text(c, "status") != AppStatus.Healthy)
                .Select(c => $"{Text(c, "name")}: {Text(c, "error") ?? Text(c, "description") ?? Text(c, "status")}")
                .ToList();
            return new AppStatus(appId, status, sidecar, failing.Count == 0 ? "All checks pass." : string.Join("; ", failing));
        }
        catch (JsonException ex)
        {
            return new AppStatus(appId, AppStatus.Unhealthy, AppStatus.Unreachable, $"/health answered unreadable JSON: {ex.Message}");
        }
    }

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
