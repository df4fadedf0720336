using AirisEpm.ServiceDefaults.Dapr;
using AirisEpm.ServiceDefaults.Security;

namespace AirisEpm.WebConsole.Proxy;

/// <summary>The first segment after <c>/api/</c> that names a service, and the app id the console invokes for it.</summary>
public static class ServiceRoutes
{
    public static readonly IReadOnlyDictionary<string, string> AppIdByName = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["metrics"] = AppIds.MetricsService,
        ["logs"] = AppIds.LogService,
        ["traces"] = AppIds.TraceService,
        ["alerts"] = AppIds.AlertService,
    };

    public static string? AppIdOf(string name) => AppIdByName.GetValueOrDefault(name);

    /// <summary>The permission a service's /health needs.</summary>
    public static string ReadPermissionOf(string appId) => appId switch
    {
        AppIds.MetricsService => Permissions.MetricsRead,
        AppIds.LogService => Permissions.LogsRead,
        AppIds.TraceService => Permissions.TracesRead,
        AppIds.AlertService => Permissions.AlertsRead,
        _ => Permissions.Admin,
    };
}
