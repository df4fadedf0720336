using AirisEpm.DaprTestSidecar.Hosting;
using Microsoft.AspNetCore.Http;

namespace AirisEpm.DaprTestSidecar.Invocation;

/// <summary>
/// Service invocation: forwards method, path, query, headers and body to the target app through its
/// own sidecar's app channel (so the target's APP_API_TOKEN applies) and copies the answer back.
/// An unknown or unreachable app answers 500 ERR_DIRECT_INVOKE, as daprd does.
/// </summary>
internal static class Invoker
{
    private static readonly HashSet<string> SkippedRequestHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Host", "dapr-app-id", "dapr-api-token", "traceparent", "Connection", "Transfer-Encoding", "Content-Length",
    };

    private static readonly HashSet<string> SkippedResponseHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Transfer-Encoding", "Connection", "Content-Length",
    };

    public static async Task ForwardAsync(HttpContext context, DaprMesh mesh, string appId, string pathAndQuery)
    {
        var target = mesh.FindSidecar(appId.Split('.')[0]) ?? throw DaprApiException.InvokeFailed(appId, $"couldn't find service: {appId}");
        using var request = new HttpRequestMessage(new HttpMethod(context.Request.Method), pathAndQuery.TrimStart('/'));
        if (context.Request.ContentLength > 0 || context.Request.Headers.TransferEncoding.Count > 0)
        {
            request.Content = new StreamContent(context.Request.Body);
        }

        foreach (var (name, values) in context.Request.Headers.Where(h => !SkippedRequestHeaders.Contains(h.Key)))
        {
            if (!request.Headers.TryAddWithoutValidation(name, values.ToArray()))
            {
                request.Content?.Headers.TryAddWithoutValidation(name, values.ToArray());
            }
        }

        request.Headers.TryAddWithoutValidation("traceparent", TraceContext.ChildOf(FirstTraceparent(context)));
        HttpResponseMessage response;
        try
        {
            response = await target.Channel.SendAsync(request, context.RequestAborted);
        }
        catch (HttpRequestException ex)
        {
            throw DaprApiException.InvokeFailed(appId, ex.Message);
        }

        using (response)
        {
            await CopyAsync(response, context.Response, context.RequestAborted);
        }
    }

    public static async Task CopyAsync(HttpResponseMessage response, HttpResponse target, CancellationToken cancellationToken)
    {
        target.StatusCode = (int)response.StatusCode;
        foreach (var (name, values) in response.Headers.Concat(response.Content.Headers).Where(h => !SkippedResponseHeaders.Contains(h.Key)))
        {
            target.Headers[name] = values.ToArray();
        }

        await response.Content.CopyToAsync(target.Body, cancellationToken);
    }

    /// <summary>
    /// The caller's own traceparent. An HttpClient in a process with an ActivityListener appends a
    /// second one; joined, the two would parse as none and break the trace.
    /// </summary>
    private static string? FirstTraceparent(HttpContext context)
    {
        var values = context.Request.Headers["traceparent"];
        return values.Count > 0 ? values[0] : null;
    }
}
