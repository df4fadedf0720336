using AirisEpm.LogService.LogQl.Ast;
using AirisEpm.LogService.LogQl.Evaluation;
using AirisEpm.LogService.LogQl.Syntax;
using AirisEpm.LogService.Storage;
using AirisEpm.PromQl.Model;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AirisEpm.LogService.Apis.Loki;

/// <summary>
/// What every Loki route shares: turning exceptions into Loki's error shape (400 <c>bad_data</c> for what the
/// caller got wrong, 422 <c>execution</c> for what would do too much work or failed on the data, 503
/// <c>timeout</c>), reading selectors from parameters, and the current time.
/// </summary>
internal static class LokiRequests
{
    /// <summary>The one place these routes turn exceptions into Loki's error shape.</summary>
    internal static async Task<Results<Ok<T>, JsonHttpResult<LokiErrorResponse>>> AnswerAsync<T>(Func<Task<T>> answer)
    {
        try
        {
            return TypedResults.Ok(await answer());
        }
        catch (Exception e) when (Error(e) is { } error)
        {
            return TypedResults.Json(LokiErrorResponse.Of(error.Type, e.Message), statusCode: error.Status);
        }
    }

    internal static (int Status, string Type)? Error(Exception e) => e switch
    {
        LokiParameterException or LogQlParseException or LogQueryException => (400, "bad_data"),
        LogQlExecutionException { Problem: ExecutionProblem.TooMuchWork or ExecutionProblem.Evaluation } => (422, "execution"),
        LogQlExecutionException { Problem: ExecutionProblem.Timeout } => (503, "timeout"),
        LogQlExecutionException => (400, "bad_data"),
        _ => null,
    };

    /// <summary>The <c>query</c> parameter of the label endpoints: a selector that narrows the answer, or none.</summary>
    internal static IReadOnlyList<Matcher>? OptionalSelector(LokiParameters parameters) =>
        parameters.Get("query") is { } text && !string.IsNullOrWhiteSpace(text) ? MatchersOf(text, "query") : null;

    /// <summary>
    /// The matchers of the first stream selector in a query, its pipeline ignored: Loki's label and stats
    /// endpoints take a selector, and Grafana sometimes sends the whole query it is about to run.
    /// </summary>
    internal static IReadOnlyList<Matcher> MatchersOf(string text, string parameter) =>
        FirstSelector(LogQlParser.Parse(text)) ?? throw new LokiParameterException(parameter, "expected a log selector such as {service_name=\"api\"}");

    internal static IReadOnlyList<Matcher>? FirstSelector(LogQlExpr expr) => expr switch
    {
        LogSelectorExpr log => log.Matchers,
        RangeAggregationExpr range => range.Range.Selector.Matchers,
        VectorAggregationExpr vector => FirstSelector(vector.Inner),
        BinaryExpr binary => FirstSelector(binary.Left) ?? FirstSelector(binary.Right),
        LabelReplaceExpr replace => FirstSelector(replace.Inner),
        _ => null,
    };

    internal static IReadOnlyList<Matcher> Selector(string text, string parameter, bool allowEmpty)
    {
        try
        {
            return LogQlParser.ParseSelector(text, allowEmpty);
        }
        catch (LogQlParseException e)
        {
            throw new LokiParameterException(parameter, e.Message);
        }
    }

    internal static bool IsLabelName(string name) =>
        name.Length > 0 && !char.IsAsciiDigit(name[0]) && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');

    internal static long NowNs(TimeProvider time) => (time.GetUtcNow() - DateTimeOffset.UnixEpoch).Ticks * 100;
}
