using Microsoft.AspNetCore.Http.Features;

namespace AirisEpm.WebConsole.Proxy;

/// <summary>
/// Forwards one page request to a service and streams the answer back as it comes (Server-Sent Events included: each
/// chunk is flushed, nothing is buffered). Method, path, query, body and content type pass through; the cookies, the
/// antiforgery header and any Authorization do not (the console sends its own token). Status codes and ProblemDetails
/// come back as the service answered them. When the call does not reach the service, the answer is a ProblemDetails
/// naming what failed: 502 when the console's sidecar does not answer or refuses the call, 503 (with Retry-After) when
/// the sidecar cannot reach the service, or the service does not answer within <see cref="HeadersTimeout"/>.
/// </summary>
public sealed partial class ServiceProxy(ServiceInvoker invoker, IProblemDetailsService problems, ILogger<ServiceProxy> logger)
{
    /// <summary>The services' own query timeouts (resiliency.yaml: 5 s) are far below this; SSE answers headers at once.</summary>
    public static readonly TimeSpan HeadersTimeout = TimeSpan.FromSeconds(60);

    private const int MaxErrorBody = 64 * 1024;

    private static readonly HashSet<string> ForwardedRequestHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Accept", "Accept-Language", "Content-Type", "Content-Encoding", "Content-Language", "Last-Event-ID", "Cache-Control", "If-None-Match", "If-Match",
    };

    private static readonly HashSet<string> DroppedResponseHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Transfer-Encoding", "Connection", "Keep-Alive", "Set-Cookie", "Content-Length", "Server", "Date",
    };

    public async Task ForwardAsync(HttpContext context, string appId, string pathAndQuery)
    {
        ArgumentNullException.ThrowIfNull(context);
        using var request = CreateRequest(context, appId, pathAndQuery);
        using var headersTimeout = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        headersTimeout.CancelAfter(HeadersTimeout);
        HttpResponseMessage response;
        try
        {
            response = await invoker.SendAsync(request, appId, context.User, headersTimeout.Token);
            // The headers are in: a stream (Server-Sent Events) may now stay open as long as the page wants it.
            headersTimeout.CancelAfter(Timeout.InfiniteTimeSpan);
        }
        catch (HttpRequestException ex) when (Inner<BadHttpRequestException>(ex) is { } tooLarge)
        {
            // The page's body broke a limit (too large, cut off) while it was being sent on: the page's fault, 4xx.
            throw tooLarge;
        }
        catch (HttpRequestException ex)
        {
            await ProblemAsync(context, StatusCodes.Status502BadGateway, "The console's Dapr sidecar did not answer",
                $"Calling {appId} through the console's sidecar at {invoker.Sidecar} failed: {ex.Message}");
            return;
        }
        catch (OperationCanceledException) when (!context.RequestAborted.IsCancellationRequested)
        {
            await ProblemAsync(context, StatusCodes.Status503ServiceUnavailable, $"{appId} did not answer",
                $"{appId} did not answer within {HeadersTimeout.TotalSeconds:0} s.", retryAfter: true);
            return;
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode && await SidecarErrorAsync(response, context.RequestAborted) is { } error)
            {
                LogSidecarError(logger, appId, error.Code, error.Message);
                if (error.Code == "ERR_DIRECT_INVOKE")
                {
                    await ProblemAsync(context, StatusCodes.Status503ServiceUnavailable, $"{appId} is unreachable",
                        $"The console's sidecar could not reach {appId}: {error.Message}", retryAfter: true);
                }
                else
                {
                    await ProblemAsync(context, StatusCodes.Status502BadGateway, "The console's Dapr sidecar refused the call",
                        $"Calling {appId}, the console's sidecar answered {(int)response.StatusCode} {error.Code}: {error.Message}");
                }

                return;
            }

            await StreamAsync(response, context);
        }
    }

    private static HttpRequestMessage CreateRequest(HttpContext context, string appId, string pathAndQuery)
    {
        var request = new HttpRequestMessage(new HttpMethod(context.Request.Method), ServiceInvoker.Address(appId, pathAndQuery));
        if (context.Request.ContentLength > 0 || context.Request.Headers.TransferEncoding.Count > 0)
        {
            request.Content = new StreamContent(context.Request.Body);
        }

        foreach (var (name, values) in context.Request.Headers.Where(h => ForwardedRequestHeaders.Contains(h.Key)))
        {
            if (!request.Headers.TryAddWithoutValidation(name, values.ToArray()))
            {
                request.Content?.Headers.TryAddWithoutValidation(name, values.ToArray());
            }
        }

        return request;
    }

    /// <summary>
    /// daprd's own error (see <see cref="DaprErrorBody"/>), or null. Reads only a small JSON error body; when it is the
    /// service's, the bytes read are kept for <see cref="StreamAsync"/> to send on.
    /// </summary>
    private static async Task<(string Code, string Message)?> SidecarErrorAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.Content.Headers.ContentType?.MediaType != "application/json" || response.Content.Headers.ContentEncoding.Count > 0
            || response.Content.Headers.ContentLength is > MaxErrorBody)
        {
            return null;
        }

        await response.Content.LoadIntoBufferAsync(MaxErrorBody, cancellationToken);
        return DaprErrorBody.TryParse(await response.Content.ReadAsByteArrayAsync(cancellationToken));
    }

    private static async Task StreamAsync(HttpResponseMessage response, HttpContext context)
    {
        var target = context.Response;
        target.StatusCode = (int)response.StatusCode;
        foreach (var (name, values) in response.Headers.Concat(response.Content.Headers).Where(h => !DroppedResponseHeaders.Contains(h.Key)))
        {
            target.Headers[name] = values.ToArray();
        }

        context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        await target.StartAsync(context.RequestAborted);
        await using var body = await response.Content.ReadAsStreamAsync(context.RequestAborted);
        var buffer = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await body.ReadAsync(buffer, context.RequestAborted)) > 0)
            {
                await target.Body.WriteAsync(buffer.AsMemory(0, read), context.RequestAborted);
                await target.Body.FlushAsync(context.RequestAborted);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or HttpRequestException)
        {
            // The page went away, or the service closed a stream mid-way: the status is sent, so only abort the connection.
            context.Abort();
        }
    }

    private async Task ProblemAsync(HttpContext context, int status, string title, string detail, bool retryAfter = false)
    {
        context.Response.StatusCode = status;
        if (retryAfter) context.Response.Headers.RetryAfter = "5";
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
        });
    }

    private static T? Inner<T>(Exception exception)
        where T : Exception
    {
        for (var e = exception.InnerException; e is not null; e = e.InnerException)
        {
            if (e is T found) return found;
        }

        return null;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Calling {AppId}, the console's sidecar answered {Code}: {Message}")]
    private static partial void LogSidecarError(ILogger logger, string appId, string code, string message);
}
