using AirisEpm.Protocols;
using AirisEpm.Protocols.Ingest;
using AirisEpm.Protocols.Otlp;
using AirisEpm.Protocols.Otlp.Proto;
using AirisEpm.ServiceDefaults.Security;
using AirisEpm.TraceService.Ingest;
using AirisEpm.TraceService.Ingest.Otlp;
using Google.Protobuf;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace AirisEpm.TraceService.Apis;

/// <summary>
/// OTLP/HTTP traces receiver: ExportTraceServiceRequest in protobuf or JSON (optionally gzip), answered in
/// the same encoding once the spans are durable. A batch with any bad span is refused whole (400, every
/// offending span and field named), as log-service does for logs, rather than stored in part with
/// <c>partial_success</c>: OTLP allows both, and a client that is told exactly what to fix loses nothing.
/// </summary>
public static class OtlpTracesApi
{
    public const string Path = "/v1/traces";

    public static IEndpointRouteBuilder MapOtlpTracesApi(this IEndpointRouteBuilder app)
    {
        var options = app.ServiceProvider.GetRequiredService<IOptions<TraceIngestOptions>>().Value;
        app.MapPost(Path, ExportAsync).WithName("OtlpExportTraces").WithTags("Ingest").RequirePermissionOrSidecar(Permissions.TracesWrite)
            .WithSummary("OpenTelemetry OTLP/HTTP traces receiver (application/x-protobuf or application/json)")
            .WithMetadata(new RequestSizeLimitAttribute(options.MaxBodyBytes));
        return app;
    }

    internal static async Task<Results<FileContentHttpResult, ContentHttpResult, ValidationProblem, ProblemHttpResult>> ExportAsync(
        HttpRequest request, [FromServices] ITraceIngestor ingestor, IOptions<TraceIngestOptions> options, CancellationToken ct)
    {
        var json = IngestBody.IsMediaType(request, OtlpBody.Json);
        if (!json && !IngestBody.IsMediaType(request, OtlpBody.Protobuf))
        {
            return IngestResults.Unsupported("Content-Type must be application/x-protobuf or application/json (OTLP/HTTP).");
        }

        var (body, failure) = await IngestResults.TryReadAsync(request, options.Value, ct);
        if (failure is not null) return failure;
        ExportTraceServiceRequest export;
        using (body)
        {
            try
            {
                export = OtlpBody.Parse(body!.Span, json, ExportTraceServiceRequest.Parser);
            }
            catch (MalformedPayloadException e)
            {
                return IngestResults.Malformed(e.Message);
            }
        }

        var problems = new IngestProblems();
        var spans = OtlpSpanConverter.Convert(export, problems);
        if (problems.Any) return IngestResults.Invalid(problems, "spans");
        var max = options.Value.MaxSpansPerRequest;
        if (spans.Count > max) return IngestResults.TooMany(spans.Count, max, "spans");
        await ingestor.IngestAsync(spans, ct);
        var response = new ExportTraceServiceResponse();
        return json ? TypedResults.Content(OtlpBody.ToJson(response), OtlpBody.Json) : TypedResults.Bytes(response.ToByteArray(), OtlpBody.Protobuf);
    }
}
