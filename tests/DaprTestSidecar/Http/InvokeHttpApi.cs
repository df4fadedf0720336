using AirisEpm.DaprTestSidecar.Hosting;
using AirisEpm.DaprTestSidecar.Invocation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace AirisEpm.DaprTestSidecar.Http;

/// <summary>/v1.0/invoke/{appId}/method/{path}: service invocation by app id, any HTTP method.</summary>
internal static class InvokeHttpApi
{
    public static void MapInvokeApi(this RouteGroupBuilder v1) =>
        v1.Map("/invoke/{appId}/method/{**path}", (string appId, string? path, HttpContext context, TestSidecar sidecar) =>
            Invoker.ForwardAsync(context, sidecar.Mesh, appId, "/" + path + context.Request.QueryString));
}

/// <summary>The other form of invocation: any path not under /v1.0 with a dapr-app-id header.</summary>
internal sealed class AppIdHeaderInvocationMiddleware(RequestDelegate next, TestSidecar sidecar)
{
    public Task InvokeAsync(HttpContext context)
    {
        var appId = context.Request.Headers["dapr-app-id"].ToString();
        var path = context.Request.Path.Value ?? "/";
        return appId.Length > 0 && !path.StartsWith("/v1.0/", StringComparison.Ordinal)
            ? Invoker.ForwardAsync(context, sidecar.Mesh, appId, path + context.Request.QueryString)
            : next(context);
    }
}
