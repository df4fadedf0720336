using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace AirisEpm.DaprTestSidecar.Http;

/// <summary>The sidecar's HTTP API, /v1.0/*.</summary>
internal static class DaprHttpApi
{
    public static IEndpointRouteBuilder MapDaprHttpApi(this IEndpointRouteBuilder routes)
    {
        var v1 = routes.MapGroup("/v1.0");
        v1.MapHealthApi();
        v1.MapStateApi();
        v1.MapSecretsApi();
        v1.MapPublishApi();
        v1.MapBindingsApi();
        v1.MapInvokeApi();
        v1.MapActorsApi();
        return routes;
    }
}
