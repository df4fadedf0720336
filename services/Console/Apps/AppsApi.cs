using AirisEpm.WebConsole.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AirisEpm.WebConsole.Apps;

/// <summary>GET /api/apps (each app's health and its sidecar's) and GET /api/dapr (each sidecar's metadata, admin).</summary>
public static class AppsApi
{
    public static IEndpointRouteBuilder MapAppsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/apps", AppsAsync).WithName("Apps").WithTags("Apps").RequireAuthorization(ConsolePolicies.SignedIn);
        app.MapGet("/api/dapr", DaprAsync).WithName("Dapr").WithTags("Apps").RequireAuthorization(ConsolePolicies.Admin);
        return app;
    }

    public static async Task<Ok<IReadOnlyList<AppStatus>>> AppsAsync(HttpContext context, PlatformStatus status, CancellationToken cancellationToken) =>
        TypedResults.Ok(await status.AppsAsync(context.User, cancellationToken));

    public static async Task<Ok<IReadOnlyList<DaprEntry>>> DaprAsync(HttpContext context, PlatformStatus status, CancellationToken cancellationToken) =>
        TypedResults.Ok(await status.DaprAsync(context.User, cancellationToken));
}
