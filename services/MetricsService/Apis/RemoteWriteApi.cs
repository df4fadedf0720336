using AirisEpm.Protocols;
using AirisEpm.MetricsService.Ingest;
using AirisEpm.MetricsService.Protocols;
using AirisEpm.MetricsService.Prometheus.SideData;
using AirisEpm.MetricsService.Protocols.RemoteWrite;
using AirisEpm.ServiceDefaults.Batching;
using AirisEpm.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace AirisEpm.MetricsService.Apis;

/// <summary>
/// Prometheus remote_write 1.0: snappy-compressed protobuf WriteRequest, answered 204 once durable, and 503 with
/// Retry-After (never 429) when the service cannot take it now.
/// </summary>
public static class RemoteWriteApi
{
    public const string Path = "/api/v1/write";

    public static IEndpointRouteBuilder MapRemoteWriteApi(this IEndpointRouteBuilder app)
    {
        var options = app.ServiceProvider.GetRequiredService<IOptions<ProtocolOptions>>().Value;
        app.MapPost(Path, WriteAsync)
            .WithName("RemoteWrite")
            .WithTags("Ingest")
            .WithSummary("Prometheus remote_write 1.0 receiver")
            .RequireAuthorization(Permissions.MetricsWrite)
            .WithMetadata(new RequestSizeLimitAttribute(options.MaxBodyBytes));
        return app;
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> WriteAsync(
        HttpRequest request,
        [FromServices] RemoteWriteDecoder decoder,
        [FromServices] IMetricIngestor ingestor,
        [FromServices] SideDataRecorder sideData,
        IOptions<ProtocolOptions> options,
        CancellationToken cancellationToken)
    {
        if (UnsupportedMediaType(request) is { } unsupported)
        {
            return unsupported;
        }

        using var body = await PooledBuffer.ReadAsync(request.Body, request.ContentLength, options.Value.MaxBodyBytes, cancellationToken);
        List<Domain.MetricSample> samples;
        (List<MetricMetadata> Metadata, List<StoredExemplar> Exemplars) extras;
        try
        {
            using var raw = BodyDecompression.Snappy(body.Span, options.Value.MaxDecompressedBytes);
            samples = decoder.Decode(raw.Span);
            extras = RemoteWriteExtras.Decode(raw.Span);
        }
        catch (MalformedPayloadException e)
        {
            return TypedResults.Problem(title: "Malformed remote_write request", detail: e.Message, statusCode: StatusCodes.Status400BadRequest);
        }

        if (samples.Count > 0)
        {
            try
            {
                await ingestor.IngestAsync(samples, cancellationToken);
            }
            catch (BackpressureException e) when (e.StatusCode == StatusCodes.Status429TooManyRequests)
            {
                // Prometheus (2.42, and later without the experimental retry_on_http_429) drops a batch answered 429
                // but retries 5xx with backoff; so a full buffer is a 503 here, Retry-After kept. Other ingest APIs keep
                // 429, which their clients (OTLP exporters, scripts) honour as "slow down".
                throw new BackpressureException(e.Message, StatusCodes.Status503ServiceUnavailable, e.RetryAfter);
            }
        }

        await sideData.RecordAsync(extras.Metadata, extras.Exemplars, cancellationToken);
        return TypedResults.NoContent();
    }

    private static ProblemHttpResult? UnsupportedMediaType(HttpRequest request)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var contentType)
            || !contentType.MediaType.Equals("application/x-protobuf", StringComparison.OrdinalIgnoreCase))
        {
            return Unsupported("Content-Type must be application/x-protobuf (Prometheus remote_write 1.0).");
        }

        // remote_write 2.0 announces itself with proto=io.prometheus.write.v2.Request; this receiver speaks 1.0 only.
        var proto = contentType.Parameters.FirstOrDefault(p => p.Name.Equals("proto", StringComparison.OrdinalIgnoreCase))?.Value.Value;
        if (proto is not null && proto != "prometheus.WriteRequest")
        {
            return Unsupported($"Protobuf message '{proto}' is not supported; send prometheus.WriteRequest (remote_write 1.0).");
        }

        var encoding = request.Headers.ContentEncoding.ToString();
        if (!encoding.Equals("snappy", StringComparison.OrdinalIgnoreCase))
        {
            return Unsupported("Content-Encoding must be snappy.");
        }

        return null;
    }

    private static ProblemHttpResult Unsupported(string detail) =>
        TypedResults.Problem(title: "Unsupported media type", detail: detail, statusCode: StatusCodes.Status415UnsupportedMediaType);
}
