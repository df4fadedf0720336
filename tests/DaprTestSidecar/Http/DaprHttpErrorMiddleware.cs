using AirisEpm.DaprTestSidecar.Hosting;
using Microsoft.AspNetCore.Http;

namespace AirisEpm.DaprTestSidecar.Http;

/// <summary>
/// Checks dapr-api-token (health endpoints exempt, as in daprd) and writes a <see cref="DaprApiException"/>
/// as daprd's HTTP error body: {"errorCode": "ERR_...", "message": "..."}.
/// </summary>
internal sealed class DaprHttpErrorMiddleware(RequestDelegate next, TestSidecar sidecar)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            var path = context.Request.Path.Value ?? "";
            if (sidecar.Options.DaprApiToken is { Length: > 0 } token
                && !path.StartsWith("/v1.0/healthz", StringComparison.Ordinal)
                && context.Request.ContentType?.StartsWith("application/grpc", StringComparison.Ordinal) != true
                && context.Request.Headers["dapr-api-token"] != token)
            {
                throw DaprApiException.Unauthorized();
            }

            await next(context);
        }
        catch (DaprApiException error) when (!context.Response.HasStarted)
        {
            context.Response.StatusCode = error.HttpStatus;
            await context.Response.WriteAsJsonAsync(new { errorCode = error.ErrorCode, message = error.Message });
        }
    }
}
