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
        if (Handled(http.Response.StatusCode, result))
        {
            await guard.MarkProcessedAsync(scope, messageId, http.RequestAborted);
        }

        return result;
    }

    /// <summary>
    /// Whether the handler's outcome counts as handled, so a redelivery may be skipped: only a
    /// success. A failure must stay unrecorded so Dapr's retry runs the handler again. An IResult
    /// whose status is unknown before it runs (a redirect, a custom result) does not count.
    /// </summary>
    public static bool Handled(int responseStatusCode, object? result) => result switch
    {
        IStatusCodeHttpResult coded => (coded.StatusCode ?? responseStatusCode) < 300,
        IResult and not Microsoft.AspNetCore.Http.HttpResults.EmptyHttpResult => false,
        _ => responseStatusCode < 300,
    };
}

public static class IdempotentSubscriptionExtensions
{
    /// <summary>Makes a pub/sub handler idempotent on the CloudEvent id.</summary>
    public static RouteHandlerBuilder Idempotent(this RouteHandlerBuilder builder) =>
        builder.AddEndpointFilter<IdempotentSubscriptionFilter>();
}
