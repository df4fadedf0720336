using AirisEpm.WebConsole.Auth;
using Microsoft.AspNetCore.Http.Features;

namespace AirisEpm.WebConsole.Proxy;

/// <summary>
/// <c>/api/{service}/{**path}</c>, any method: the page's calls to metrics, logs, traces and alerts, forwarded by
/// <see cref="ServiceProxy"/>. The console's own routes (<c>/api/session</c>, <c>/api/apps</c>, ...) are literal and win.
/// </summary>
public static class ProxyApi
{
    public static IEndpointRouteBuilder MapProxyApi(this IEndpointRouteBuilder app)
    {
        app.Map("/api/{service}/{**path}", ForwardAsync)
            .WithName("ServiceProxy")
            .WithTags("Proxy")
            .RequireAuthorization(ConsolePolicies.SignedIn)
            .ExcludeFromDescription();
        return app;
    }

    public static async Task ForwardAsync(string service, HttpContext context, ServiceProxy proxy, IProblemDetailsService problems)
    {
        if (ServiceRoutes.AppIdOf(service) is not { } appId)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            await problems.WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails =
                {
                    Status = 404,
                    Title = "Unknown service",
                    Detail = $"'{service}' is not a service; the console forwards /api/{{{string.Join('|', ServiceRoutes.AppIdByName.Keys)}}}/... .",
                },
            });
            return;
        }

        await proxy.ForwardAsync(context, appId, PathAfter(context, service));
    }

    /// <summary>
    /// The path and query after <c>/api/{service}</c> as the page sent them (still percent-encoded, so a <c>%2F</c> in a
    /// label value stays one), always starting with '/'.
    /// </summary>
    public static string PathAfter(HttpContext context, string service)
    {
        ArgumentNullException.ThrowIfNull(context);
        var raw = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? "";
        var prefix = "/api/" + service;
        var rest = raw.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)
            ? raw[prefix.Length..]
            : context.Request.Path.Value![prefix.Length..] + context.Request.QueryString;
        return rest.StartsWith('/') ? rest : "/" + rest;
    }
}
