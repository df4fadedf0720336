using System.Reflection;
using System.Runtime.InteropServices;
using AirisEpm.AlertService.Apis.Models;
using AirisEpm.AlertService.Application;
using AirisEpm.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AirisEpm.AlertService.Apis;

/// <summary>Alertmanager API v2 status: version, configuration in force, uptime.</summary>
public static class StatusApi
{
    private static readonly string Version =
        typeof(StatusApi).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    public static IEndpointRouteBuilder MapStatusApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v2/status", Get).WithName("GetStatus").WithTags("Status").RequireAuthorization(Permissions.AlertsRead);
        return app;
    }

    public static Ok<AlertmanagerStatus> Get(AlertingConfigHolder config, ServiceUptime uptime) =>
        TypedResults.Ok(new AlertmanagerStatus(
            new ClusterStatus(null, "disabled", []),
            new VersionInfo("", "", "airis-epm", RuntimeInformation.FrameworkDescription, "", Version),
            new AlertmanagerConfig(config.Current.RedactedYaml),
            uptime.StartedAt,
            config.Current.Config.Notices));
}
