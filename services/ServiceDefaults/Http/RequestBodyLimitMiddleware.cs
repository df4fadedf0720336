using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Options;

namespace AirisEpm.ServiceDefaults.Http;

/// <summary>
/// Enforces the body size limit (endpoint <see cref="IRequestSizeLimitMetadata"/> or the default),
/// on the declared Content-Length and on what is actually read, under Kestrel and TestServer alike.
/// </summary>
public sealed class RequestBodyLimitMiddleware(RequestDelegate next, IOptions<HttpLimitsOptions> options)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var limit = context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize
                    ?? options.Value.MaxRequestBodyBytes;
        var sizeFeature = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (sizeFeature is { IsReadOnly: false })
        {
            sizeFeature.MaxRequestBodySize = limit;
        }

        if (limit is { } max)
        {
            if (context.Request.ContentLength > max)
            {
                throw TooLarge(max);
            }

            context.Request.Body = new LengthLimitedStream(context.Request.Body, max);
        }

        await next(context);
    }

    internal static BadHttpRequestException TooLarge(long max) =>
        new($"The request body exceeds the limit of {max} bytes.", StatusCodes.Status413PayloadTooLarge);
}
