using AirisEpm.DaprTestSidecar.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace AirisEpm.DaprTestSidecar.Http;

/// <summary>/v1.0/secrets: one secret ({"key": "value"}) or, at /bulk, every secret the app's scopes allow.</summary>
internal static class SecretsHttpApi
{
    public static void MapSecretsApi(this RouteGroupBuilder v1)
    {
        v1.MapGet("/secrets/{store}/bulk", (string store, TestSidecar sidecar) => Results.Json(sidecar.Secrets.GetBulk(store)));
        v1.MapGet("/secrets/{store}/{key}", (string store, string key, TestSidecar sidecar) => Results.Json(sidecar.Secrets.Get(store, key)));
    }
}
