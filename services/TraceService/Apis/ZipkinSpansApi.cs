using AirisEpm.Protocols.Ingest;
using AirisEpm.ServiceDefaults.Security;
using AirisEpm.TraceService.Domain;
using AirisEpm.TraceService.Ingest;
using AirisEpm.TraceService.Ingest.Zipkin;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace AirisEpm.TraceService.Apis;

/// <summary>
/// Zipkin's v2 collector endpoint, where daprd's Zipkin tracing exporter (and any Zipkin reporter) sends:
/// a JSON array of spans (<c>application/json</c>, or no Content-Type, as Zipkin reads it) or a proto3
/// <c>ListOfSpans</c> (<c>application/x-protobuf</c>), optionally gzip, answered 202 with no body as Zipkin does, once durable. daprd's
/// exporter sends no bearer token, so a sidecar may post too (<see cref="AuthenticationExtensions.RequirePermissionOrSidecar"/>).
/// </summary>
public static class ZipkinSpansApi
{
    public const string Path = "/api/v2/spans";

    private const string ProtobufType = "application/x-protobuf";

    public static IEndpointRouteBuilder MapZipkinSpansApi(this IEndpointRouteBuilder app)
    {
        var options = app.ServiceProvider.GetRequiredService<IOptions<TraceIngestOptions>>().Value;
        app.MapPost(Path, PostAsync).WithName("ZipkinPostSpans").WithTags("Ingest").RequirePermissionOrSidecar(Permissions.TracesWrite)
            .WithSummary("Zipkin v2 spans, JSON (what daprd's tracing exporter sends) or proto3")
            .Accepts<string>("application/json", ProtobufType)
            .WithMetadata(new RequestSizeLimitAttribute(options.MaxBodyBytes));
        return app;
    }

    internal static async Task<Results<Accepted, ValidationProblem, ProblemHttpResult>> PostAsync(
        HttpRequest request, [FromServices] ITraceIngestor ingestor, IOptions<TraceIngestOptions> options, CancellationToken ct)
    {
        // Zipkin reads a body without Content-Type as JSON too.
        var proto = IngestBody.IsMediaType(request, ProtobufType);
        if (!proto && request.ContentType is { Length: > 0 } && !IngestBody.IsMediaType(request, "application/json"))
        {
            return IngestResults.Unsupported("Content-Type must be application/json (a Zipkin v2 JSON array of spans) or application/x-protobuf (a proto3 ListOfSpans).");
        }

        var (body, failure) = await IngestResults.TryReadAsync(request, options.Value, ct);
        if (failure is not null) return failure;
        var problems = new IngestProblems();
        List<Span> spans;
        using (body)
        {
            try
            {
                spans = proto ? ZipkinProtoReader.Read(body!.Span, problems) : ZipkinSpanReader.Read(body!.Span, problems);
            }
            catch (Protocols.MalformedPayloadException e)
            {
                return IngestResults.Malformed(e.Message);
            }
        }

        if (problems.Any) return IngestResults.Invalid(problems, "spans");
        var max = options.Value.MaxSpansPerRequest;
        if (spans.Count > max) return IngestResults.TooMany(spans.Count, max, "spans");
        await ingestor.IngestAsync(spans, ct);
        return TypedResults.Accepted((string?)null);
    }
}
