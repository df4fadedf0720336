using System.Text.Json;

namespace AirisEpm.TraceService.Apis.Views.Outline;

/// <summary>
/// Writes a <see cref="TraceOutline"/> straight into the response's pipe (<see cref="TraceOutlineJson"/>): no view objects
/// and no serializer; response compression, when the caller accepts it, wraps the body.
/// </summary>
internal sealed class TraceOutlineResult(string traceId, TraceOutline outline) : IResult, IStatusCodeHttpResult, IContentTypeHttpResult
{
    public int? StatusCode => StatusCodes.Status200OK;

    public string ContentType => "application/json; charset=utf-8";

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        httpContext.Response.StatusCode = StatusCodes.Status200OK;
        httpContext.Response.ContentType = ContentType;
        await using var json = new Utf8JsonWriter(httpContext.Response.BodyWriter);
        TraceOutlineJson.Write(json, traceId, outline);
        await json.FlushAsync(httpContext.RequestAborted);
    }
}
