using AirisEpm.DaprTestSidecar.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace AirisEpm.DaprTestSidecar.Http;

/// <summary>/v1.0/healthz, /v1.0/healthz/outbound, /v1.0/metadata and /v1.0/shutdown.</summary>
internal static class HealthApi
{
    public static void MapHealthApi(this RouteGroupBuilder v1)
    {
        v1.MapGet("/healthz", () => Results.NoContent());
        v1.MapGet("/healthz/outbound", () => Results.NoContent());
        v1.MapPost("/shutdown", (TestSidecar sidecar) =>
        {
            sidecar.RequestShutdown();
            return Results.NoContent();
        });
        v1.MapGet("/metadata", (TestSidecar sidecar) => Results.Json(MetadataJson.Write(sidecar.Describe())));
    }
}
