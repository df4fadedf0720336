using AirisEpm.ServiceDefaults.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace AirisEpm.ServiceDefaults.Dapr;

public static class DaprMetadataEndpoint
{
    public const string Route = "/api/v1/dapr/metadata";

    /// <summary>
    /// <c>GET /api/v1/dapr/metadata</c> (admin): this app's own sidecar's <c>/v1.0/metadata</c>, as daprd answers it,
    /// so the console can show what each sidecar loaded. 503 with Retry-After when the sidecar does not answer.
    /// </summary>
    public static IEndpointRouteBuilder MapDaprMetadata(this IEndpointRouteBuilder app)
    {
        app.MapGet(Route, async (SidecarMetadata sidecar, CancellationToken cancellationToken) =>
                Results.Content(await sidecar.ReadAsync(cancellationToken), "application/json"))
            .WithName("DaprSidecarMetadata")
            .WithTags("Dapr")
            .RequireAuthorization(Permissions.Admin);
        return app;
    }
}
