namespace AirisEpm.ServiceDefaults.Security;

/// <summary>
/// Permissions a token can carry (claim <c>permissions</c>, or space-separated in <c>scope</c>).
/// Each is also the name of the authorization policy that requires it; <c>admin</c> satisfies all.
/// </summary>
public static class Permissions
{
    public const string ClaimType = "permissions";
    public const string MetricsRead = "metrics:read";
    public const string MetricsWrite = "metrics:write";
    public const string LogsRead = "logs:read";
    public const string LogsWrite = "logs:write";
    public const string TracesRead = "traces:read";
    public const string TracesWrite = "traces:write";
    public const string AlertsRead = "alerts:read";
    public const string AlertsWrite = "alerts:write";
    public const string Admin = "admin";

    public static readonly IReadOnlyList<string> All =
        [MetricsRead, MetricsWrite, LogsRead, LogsWrite, TracesRead, TracesWrite, AlertsRead, AlertsWrite, Admin];

    /// <summary>Name of the policy for calls the sidecar makes into the app (pub/sub, bindings, actors).</summary>
    public const string SidecarPolicy = "dapr-sidecar";
}
