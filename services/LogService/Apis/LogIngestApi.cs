using System.Text;
using AirisEpm.LogService.Domain;
using AirisEpm.LogService.Ingest;
using AirisEpm.LogService.Ingest.Json;
using AirisEpm.LogService.Parsing;
using AirisEpm.Protocols.Ingest;
using AirisEpm.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace AirisEpm.LogService.Apis;

/// <summary>Our own ingest endpoints: structured JSON/NDJSON records, and plain text lines parsed on arrival.</summary>
public static class LogIngestApi
{
    public static IEndpointRouteBuilder MapLogIngestApi(this IEndpointRouteBuilder app)
    {
        var options = app.ServiceProvider.GetRequiredService<IOptions<LogIngestOptions>>().Value;
        var api = app.MapGroup("/api/v1/logs").WithTags("Ingest").RequireAuthorization(Permissions.LogsWrite)
            .WithMetadata(new RequestSizeLimitAttribute(options.MaxBodyBytes));
        api.MapPost("/", PostRecordsAsync).WithName("PostLogs")
            .WithSummary("A JSON array or NDJSON of records; the batch is stored whole or refused whole")
            .Accepts<string>("application/json", "application/x-ndjson");
        api.MapPost("/raw", PostRawAsync).WithName("PostRawLogs")
            .WithSummary("Plain text lines, each parsed (JSON, logfmt, syslog, access logs, application prefixes; stack traces kept with their record)")
            .Accepts<string>("text/plain");
        return app;
    }

    public sealed record IngestAnswer(int Accepted);

    internal static async Task<Results<Ok<IngestAnswer>, ValidationProblem, ProblemHttpResult>> PostRecordsAsync(
        HttpRequest request, [FromServices] ILogIngestor ingestor, IOptions<LogIngestOptions> options, TimeProvider time, CancellationToken ct)
    {
        var (body, failure) = await IngestResults.TryReadAsync(request, options.Value, ct);
        if (failure is not null) return failure;
        List<LogRecord> records;
        var problems = new IngestProblems();
        using (body)
        {
            records = JsonBatchReader.Read(body!.Memory, time.GetUtcNow().ToUnixTimeMilliseconds() * 1_000_000, problems);
        }

        return await StoreAsync(records, problems, ingestor, options.Value, ct);
    }

    internal static async Task<Results<Ok<IngestAnswer>, ValidationProblem, ProblemHttpResult>> PostRawAsync(
        HttpRequest request, [FromQuery] string? service, [FromServices] ILogIngestor ingestor, [FromServices] RawLineParser parser,
        IOptions<LogIngestOptions> options, TimeProvider time, CancellationToken ct)
    {
        if (request.ContentType is { Length: > 0 } && !IngestBody.IsMediaType(request, "text/plain"))
        {
            return IngestResults.Unsupported("Content-Type must be text/plain: one log line per line.");
        }

        var (body, failure) = await IngestResults.TryReadAsync(request, options.Value, ct);
        if (failure is not null) return failure;
        string text;
        using (body)
        {
            if (!System.Text.Unicode.Utf8.IsValid(body!.Span)) return IngestResults.Malformed("The body is not valid UTF-8 text.");
            text = Encoding.UTF8.GetString(body.Span);
        }

        if (LongestLine(text, options.Value.MaxLineBytes) is { } line)
        {
            return TypedResults.Problem(title: "Line too long", statusCode: StatusCodes.Status413PayloadTooLarge,
                detail: $"Line {line} is longer than {options.Value.MaxLineBytes} bytes (Logs:Ingest:MaxLineBytes).");
        }

        var receivedNs = time.GetUtcNow().ToUnixTimeMilliseconds() * 1_000_000;
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        var records = MultilineAssembler.ParseText(parser, text, receivedNs)
            .Select(d => d.ToRecord("", receivedNs, service is { Length: > 0 } ? service : d.Service ?? ServiceNames.Unknown, labels))
            .ToList();
        return await StoreAsync(records, new IngestProblems(), ingestor, options.Value, ct);
    }

    internal static async Task<Results<Ok<IngestAnswer>, ValidationProblem, ProblemHttpResult>> StoreAsync(
        List<LogRecord> records, IngestProblems problems, ILogIngestor ingestor, LogIngestOptions options, CancellationToken ct)
    {
        if (problems.Any) return IngestResults.Invalid(problems);
        if (records.Count > options.MaxRecordsPerRequest) return IngestResults.TooMany(records.Count, options.MaxRecordsPerRequest);
        await ingestor.IngestAsync(records, ct);
        return TypedResults.Ok(new IngestAnswer(records.Count));
    }

    /// <summary>The 1-based number of the first line longer than <paramref name="maxBytes"/> (UTF-8), or null.</summary>
    private static int? LongestLine(string text, int maxBytes)
    {
        var number = 1;
        foreach (var line in text.AsSpan().EnumerateLines())
        {
            if (line.Length > maxBytes / 4 && Encoding.UTF8.GetByteCount(line) > maxBytes) return number;
            number++;
        }

        return null;
    }
}
