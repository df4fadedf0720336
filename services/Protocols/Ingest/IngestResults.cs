using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AirisEpm.Protocols.Ingest;

/// <summary>The answers every ingest endpoint gives to input it refuses.</summary>
public static class IngestResults
{
    public static ProblemHttpResult Malformed(string detail) =>
        TypedResults.Problem(title: "Malformed request body", detail: detail, statusCode: StatusCodes.Status400BadRequest);

    public static ProblemHttpResult Unsupported(string detail) =>
        TypedResults.Problem(title: "Unsupported media type", detail: detail, statusCode: StatusCodes.Status415UnsupportedMediaType);

    /// <summary>400 with <c>errors</c> keyed by the path of each offending item and field; <paramref name="items"/> names what the batch holds.</summary>
    public static ValidationProblem Invalid(IngestProblems problems, string items = "records") =>
        TypedResults.ValidationProblem(problems?.ToDictionary() ?? new Dictionary<string, string[]>(),
            title: $"The batch was rejected whole: {problems?.Count} problem(s) in its {items}");

    public static ProblemHttpResult TooMany(int count, int max, string items = "records") =>
        TypedResults.Problem(title: $"Too many {items}", statusCode: StatusCodes.Status413PayloadTooLarge,
            detail: $"The request holds {count} {items}; send at most {max} per request.");

    /// <summary>Reads the body and turns decoding failures into their answers; a null body means <c>Failure</c> is set.</summary>
    public static async Task<(PooledBuffer? Body, ProblemHttpResult? Failure)> TryReadAsync(HttpRequest request, IIngestLimits limits, CancellationToken ct)
    {
        try
        {
            return (await IngestBody.ReadAsync(request, limits, ct), null);
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
