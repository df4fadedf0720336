using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace AirisEpm.ServiceDefaults.Dapr;

/// <summary>
/// Endpoint filter for pub/sub handlers: a CloudEvent whose id was already handled is acknowledged
/// (200) without running the handler again; a successful handling records the id.
/// Relies on <c>UseCloudEvents</c> forwarding the envelope's id as the <c>Cloudevent.id</c> header.
/// </summary>
public sealed class IdempotentSubscriptionFilter(IdempotencyGuard guard) : IEndpointFilter
{
    public const string CloudEventIdHeader = "Cloudevent.id";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var messageId = http.Request.Headers[CloudEventIdHeader].ToString();
        if (string.IsNullOrEmpty(messageId))
        {
            return await next(context);
        }

        var scope = http.Request.Path.Value ?? "";
        if (await guard.WasProcessedAsync(scope, messageId, http.RequestAborted))
        {
            return TypedResults.Ok(new { status = "SUCCESS", duplicate = true });
        }

        var result = await next(context);
        if (http.Response.StatusCode < 300 && result is not IStatusCodeHttpResult { StatusCode: >= 300 })
        {
            await guard.MarkProcessedAsync(scope, messageId, http.RequestAborted);
        }

        return result;
    }
}

public static class IdempotentSubscriptionExtensions
{
    /// <summary>Makes a pub/sub handler idempotent on the CloudEvent id.</summary>
    public static RouteHandlerBuilder Idempotent(this RouteHandlerBuilder builder) =>
        builder.AddEndpointFilter<IdempotentSubscriptionFilter>();
}
