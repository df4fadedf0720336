using AirisEpm.LogService.Ingest;
using AirisEpm.LogService.Ingest.Otlp;
using AirisEpm.Protocols.Ingest;
using AirisEpm.Protocols;
using AirisEpm.Protocols.Otlp;
using AirisEpm.Protocols.Otlp.Proto;
using AirisEpm.ServiceDefaults.Security;
using Google.Protobuf;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace AirisEpm.LogService.Apis;

/// <summary>OTLP/HTTP logs receiver: ExportLogsServiceRequest in protobuf or JSON, answered in the same encoding.</summary>
public static class OtlpLogsApi
{
    public const string Path = "/v1/logs";

    public static IEndpointRouteBuilder MapOtlpLogsApi(this IEndpointRouteBuilder app)
    {
        var options = app.ServiceProvider.GetRequiredService<IOptions<LogIngestOptions>>().Value;
        app.MapPost(Path, ExportAsync).WithName("OtlpExportLogs").WithTags("Ingest").RequireAuthorization(Permissions.LogsWrite)
            .WithSummary("OpenTelemetry OTLP/HTTP logs receiver")
            .WithMetadata(new RequestSizeLimitAttribute(options.MaxBodyBytes));
        return app;
    }

    internal static async Task<Results<FileContentHttpResult, ContentHttpResult, ValidationProblem, ProblemHttpResult>> ExportAsync(
        HttpRequest request, [FromServices] ILogIngestor ingestor, IOptions<LogIngestOptions> options, TimeProvider time, CancellationToken ct)
    {
        var json = IngestBody.IsMediaType(request, OtlpBody.Json);
        if (!json && !IngestBody.IsMediaType(request, OtlpBody.Protobuf))
        {
            return IngestResults.Unsupported("Content-Type must be application/x-protobuf or application/json (OTLP/HTTP).");
        }

        var (body, failure) = await IngestResults.TryReadAsync(request, options.Value, ct);
        if (failure is not null) return failure;
        ExportLogsServiceRequest export;
        using (body)
        {
            try
            {
                export = OtlpBody.Parse(body!.Span, json, ExportLogsServiceRequest.Parser);
            }
            catch (MalformedPayloadException e)
            {
                return IngestResults.Malformed(e.Message);
            }
        }

        var problems = new IngestProblems();
        var records = OtlpLogConverter.Convert(export, time.GetUtcNow().ToUnixTimeMilliseconds() * 1_000_000, problems);
        if (problems.Any) return IngestResults.Invalid(problems);
        if (records.Count > options.Value.MaxRecordsPerRequest) return IngestResults.TooMany(records.Count, options.Value.MaxRecordsPerRequest);
        await ingestor.IngestAsync(records, ct);
        var response = new ExportLogsServiceResponse();
        return json ? TypedResults.Content(OtlpBody.ToJson(response), OtlpBody.Json) : TypedResults.Bytes(response.ToByteArray(), OtlpBody.Protobuf);
    }
}
