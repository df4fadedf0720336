namespace AirisEpm.WebConsole.Apps;

/// <summary>One row of GET /api/apps: the app's health (Healthy, Degraded, Unhealthy, Unreachable) and its sidecar's (Healthy, Unreachable).</summary>
public sealed record AppStatus(string AppId, string Health, string Sidecar, string Detail)
{
    public const string Healthy = "Healthy";
    public const string Degraded = "Degraded";
    public const string Unhealthy = "Unhealthy";
    public const string Unreachable = "Unreachable";
}
