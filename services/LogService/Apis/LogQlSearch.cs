using AirisEpm.LogService.LogQl.Evaluation;
using AirisEpm.LogService.LogQl.Syntax;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AirisEpm.LogService.Apis;

/// <summary>
/// The <c>logql</c> parameter the facet, pattern and tail endpoints take in place of <c>q</c>: a LogQL log query (a
/// stream selector with line filters, parsers and label filters; no metric query), over <c>start</c>/<c>end</c> as
/// for a search. The selector and stages say what the structured filters say, so <c>q</c>, <c>service</c>,
/// <c>level</c>, <c>trace_id</c>, <c>pattern_id</c> and <c>cursor</c> are refused beside it. Errors answer as the
/// search's: 400 naming <c>logql</c> for what does not parse or is not a log query, 422 for a query that would read
/// more records than <see cref="LogQlOptions.MaxRecordsScanned"/>, 503 past the query timeout.
/// </summary>
internal static class LogQlSearch
{
    public const int MaxLength = 16_384;

    /// <summary>The time range of a LogQL request, or null with the problems by parameter name.</summary>
    public static (long StartNs, long EndNs)? Range(SearchParameters parameters, string logql, long nowNs, out Dictionary<string, string[]> problems)
    {
        var query = (parameters with { Q = null, Service = null, Level = null, TraceId = null, PatternId = null, Cursor = null }).ToQuery(nowNs, out problems);
        foreach (var (name, value) in (ReadOnlySpan<(string, string?)>)[("q", parameters.Q), ("service", parameters.Service), ("level", parameters.Level),
                     ("trace_id", parameters.TraceId), ("pattern_id", parameters.PatternId), ("cursor", parameters.Cursor)])
        {
            if (!string.IsNullOrEmpty(value)) problems[name] = [$"{name} does not combine with logql: say it in the LogQL query's selector or stages"];
        }

        if (string.IsNullOrWhiteSpace(logql)) problems["logql"] = ["give a LogQL log query, such as {service_name=\"api\"} |= \"timeout\""];
        else if (logql.Length > MaxLength) problems["logql"] = [$"longer than {MaxLength:N0} characters"];
        return query is null || problems.Count > 0 ? null : (query.StartNs, query.EndNs);
    }

    /// <summary>Parses <paramref name="logql"/> as a log query, or the 400 saying why not.</summary>
    public static ValidationProblem? Check(string logql)
    {
        try
        {
            LogQlEngine.ParseLogQuery(logql);
            return null;
        }
        catch (Exception e) when (e is LogQlParseException or LogQlExecutionException)
        {
            return Invalid(e.Message);
        }
    }

    /// <summary>The answer, or the error a LogQL query raised as its status (400, 422 or 503).</summary>
    public static async Task<Results<Ok<T>, ValidationProblem, ProblemHttpResult>> AnswerAsync<T>(Func<Task<T>> answer)
    {
        try
        {
            return TypedResults.Ok(await answer());
        }
        catch (LogQlParseException e)
        {
            return Invalid(e.Message);
        }
        catch (LogQlExecutionException e)
        {
            return e.Problem switch
            {
                ExecutionProblem.BadRequest => Invalid(e.Message),
                ExecutionProblem.Timeout => TypedResults.Problem(e.Message, statusCode: StatusCodes.Status503ServiceUnavailable, title: "The LogQL query timed out"),
                _ => TypedResults.Problem(e.Message, statusCode: StatusCodes.Status422UnprocessableEntity, title: "The LogQL query cannot be answered"),
            };
        }
    }

    public static ValidationProblem Invalid(string problem) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["logql"] = [problem] });
}
