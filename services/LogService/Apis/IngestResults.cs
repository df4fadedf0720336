using AirisEpm.LogService.Ingest;
using AirisEpm.Protocols;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AirisEpm.LogService.Apis;

/// <summary>The answers every ingest endpoint gives to input it refuses.</summary>
internal static class IngestResults
{
    public static ProblemHttpResult Malformed(string detail) =>
        TypedResults.Problem(title: "Malformed request body", detail: detail, statusCode: StatusCodes.Status400BadRequest);

    public static ProblemHttpResult Unsupported(string detail) =>
        TypedResults.Problem(title: "Unsupported media type", detail: detail, statusCode: StatusCodes.Status415UnsupportedMediaType);

    public static ValidationProblem Invalid(IngestProblems problems) =>
        TypedResults.ValidationProblem(problems.ToDictionary(), title: $"The batch was rejected whole: {problems.Count} problem(s) in its records");

    public static ProblemHttpResult TooMany(int count, int max) =>
        TypedResults.Problem(title: "Too many records", statusCode: StatusCodes.Status413PayloadTooLarge,
            detail: $"The request holds {count} records; send at most {max} per request.");

    /// <summary>Reads the body and turns decoding failures into their answers; null result means <paramref name="failure"/> is set.</summary>
    public static async Task<(PooledBuffer? Body, ProblemHttpResult? Failure)> TryReadAsync(HttpRequest request, LogIngestOptions options, CancellationToken ct)
    {
        try
        {
            return (await IngestBody.ReadAsync(request, options, ct), null);
        }
        catch (MalformedPayloadException e)
        {
            return (null, Malformed(e.Message));
        }
        catch (UnsupportedEncodingException e)
        {
            return (null, Unsupported(e.Message));
        }
    }
}
