using AirisEpm.Protocols;
using AirisEpm.MetricsService.Ingest;
using AirisEpm.MetricsService.Prometheus.SideData;
using AirisEpm.MetricsService.Protocols;
using AirisEpm.MetricsService.Protocols.Otlp;
using AirisEpm.ServiceDefaults.Security;
using Google.Protobuf;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace AirisEpm.MetricsService.Apis;

/// <summary>OTLP/HTTP metrics receiver: ExportMetricsServiceRequest in protobuf or JSON, answered in the same encoding.</summary>
public static class OtlpMetricsApi
{
    public const string Path = "/v1/metrics";

    public static IEndpointRouteBuilder MapOtlpMetricsApi(this IEndpointRouteBuilder app)
    {
        var options = app.ServiceProvider.GetRequiredService<IOptions<ProtocolOptions>>().Value;
        app.MapPost(Path, ExportAsync)
            .WithName("OtlpExportMetrics")
            .WithTags("Ingest")
            .WithSummary("OpenTelemetry OTLP/HTTP metrics receiver")
            .RequireAuthorization(Permissions.MetricsWrite)
            .WithMetadata(new RequestSizeLimitAttribute(options.MaxBodyBytes));
        return app;
    }

    internal static async Task<Results<FileContentHttpResult, ContentHttpResult, ProblemHttpResult>> ExportAsync(
        HttpRequest request,
        [FromServices] OtlpMetricConverter converter,
        [FromServices] IMetricIngestor ingestor,
        [FromServices] SideDataRecorder sideData,
        IOptions<ProtocolOptions> options,
        CancellationToken cancellationToken)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var contentType)
            || !(contentType.MediaType.Equals(OtlpCodec.Protobuf, StringComparison.OrdinalIgnoreCase)
                 || contentType.MediaType.Equals(OtlpCodec.Json, StringComparison.OrdinalIgnoreCase)))
        {
            return TypedResults.Problem(title: "Unsupported media type", statusCode: StatusCodes.Status415UnsupportedMediaType,
                detail: "Content-Type must be application/x-protobuf or application/json (OTLP/HTTP).");
        }

        var json = contentType.MediaType.Equals(OtlpCodec.Json, StringComparison.OrdinalIgnoreCase);
        var encoding = request.Headers.ContentEncoding.ToString();
        if (encoding.Length > 0 && !encoding.Equals("gzip", StringComparison.OrdinalIgnoreCase) && !encoding.Equals("identity", StringComparison.OrdinalIgnoreCase))
        {
            return TypedResults.Problem(title: "Unsupported media type", statusCode: StatusCodes.Status415UnsupportedMediaType,
                detail: $"Content-Encoding '{encoding}' is not supported; send gzip or none.");
        }

        OtlpConversion conversion;
        List<MetricMetadata> metadata;
        try
        {
            using var body = await PooledBuffer.ReadAsync(request.Body, request.ContentLength, options.Value.MaxBodyBytes, cancellationToken);
            using var raw = encoding.Equals("gzip", StringComparison.OrdinalIgnoreCase)
                ? await BodyDecompression.GzipAsync(body.Memory, options.Value.MaxDecompressedBytes, cancellationToken)
                : null;
            var export = OtlpCodec.Parse(raw is null ? body.Span : raw.Span, json);
            conversion = converter.Convert(export);
            metadata = OtlpMetadata.From(export);
        }
        catch (MalformedPayloadException e)
        {
            return TypedResults.Problem(title: "Malformed OTLP request", detail: e.Message, statusCode: StatusCodes.Status400BadRequest);
        }

        if (conversion.Samples.Count > 0)
        {
            await ingestor.IngestAsync(conversion.Samples, cancellationToken);
        }

        await sideData.RecordAsync(metadata, [], cancellationToken);

        var response = OtlpCodec.Response(conversion);
        return json
            ? TypedResults.Content(OtlpCodec.ToJson(response), OtlpCodec.Json)
            : TypedResults.Bytes(response.ToByteArray(), OtlpCodec.Protobuf);
    }
}
