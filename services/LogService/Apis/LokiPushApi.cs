using AirisEpm.LogService.Domain;
using AirisEpm.LogService.Ingest;
using AirisEpm.LogService.Ingest.Loki;
using AirisEpm.Protocols.Ingest;
using AirisEpm.Protocols;
using AirisEpm.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace AirisEpm.LogService.Apis;

/// <summary>
/// Loki's push endpoint, so Promtail, Grafana Alloy and the OpenTelemetry Collector's Loki exporter
/// ship here unchanged: JSON (optionally gzip) or snappy block-compressed protobuf, answered 204 as Loki does.
/// </summary>
public static class LokiPushApi
{
    public const string Path = "/loki/api/v1/push";

    public static IEndpointRouteBuilder MapLokiPushApi(this IEndpointRouteBuilder app)
    {
        var options = app.ServiceProvider.GetRequiredService<IOptions<LogIngestOptions>>().Value;
        app.MapPost(Path, PushAsync).WithName("LokiPush").WithTags("Ingest").RequireAuthorization(Permissions.LogsWrite)
            .WithSummary("Loki push: application/json or application/x-protobuf (snappy)")
            .WithMetadata(new RequestSizeLimitAttribute(options.MaxBodyBytes));
        return app;
    }

    internal static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> PushAsync(
        HttpRequest request, [FromServices] ILogIngestor ingestor, IOptions<LogIngestOptions> options, CancellationToken ct)
    {
        var protobuf = IngestBody.IsMediaType(request, "application/x-protobuf");
        if (!protobuf && !IngestBody.IsMediaType(request, "application/json"))
        {
            return IngestResults.Unsupported("Content-Type must be application/json or application/x-protobuf (snappy-compressed logproto.PushRequest).");
        }

        var problems = new IngestProblems();
        List<LogRecord> records;
        try
        {
            using var body = await PooledBuffer.ReadAsync(request.Body, request.ContentLength, options.Value.MaxBodyBytes, ct);
            if (protobuf)
            {
                // Loki's protobuf push is snappy block-compressed whatever Content-Encoding says.
                using var raw = BodyDecompression.Snappy(body.Span, options.Value.MaxDecompressedBytes);
                records = LokiPushProtobufReader.Read(raw.Span, problems);
            }
            else if (request.Headers.ContentEncoding.ToString().Equals("gzip", StringComparison.OrdinalIgnoreCase))
            {
                using var raw = await BodyDecompression.GzipAsync(body.Memory, options.Value.MaxDecompressedBytes, ct);
                records = LokiPushJsonReader.Read(raw.Memory, problems);
            }
            else
            {
                records = LokiPushJsonReader.Read(body.Memory, problems);
            }
        }
        catch (MalformedPayloadException e)
        {
            return IngestResults.Malformed(e.Message);
        }

        if (problems.Any) return IngestResults.Invalid(problems);
        if (records.Count > options.Value.MaxRecordsPerRequest) return IngestResults.TooMany(records.Count, options.Value.MaxRecordsPerRequest);
        await ingestor.IngestAsync(records, ct);
        return TypedResults.NoContent();
    }
}
