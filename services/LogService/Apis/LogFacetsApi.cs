using AirisEpm.LogService.LogQl.Evaluation;
using AirisEpm.LogService.Storage;
using AirisEpm.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace AirisEpm.LogService.Apis;

/// <summary>
/// The value counts of several fields over the matching records in one answer (a search screen's facet sidebar):
/// <c>GET /api/v1/logs/facets?field=service&amp;field=level&amp;top=10</c> plus the search filters. Each field costs one
/// counting pass over the matches, as <c>/fields/{field}/values</c> does; this saves the page a round trip per facet.
/// With <c>logql</c> (a LogQL log query, <see cref="LogQlSearch"/>) in place of <c>q</c> the fields are the labels each
/// line has after the query's stages, counted over every line it passes (<see cref="LabelValueCounts"/>); with no
/// <c>field</c> named, the <see cref="MaxFields"/> labels the most lines carry.
/// </summary>
public static class LogFacetsApi
{
    public const int MaxFields = 12;
    public const int MaxTop = 100;

    public static IEndpointRouteBuilder MapLogFacetsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/logs/facets", FacetsAsync).WithName("LogFacets").WithTags("Search").RequireAuthorization(Permissions.LogsRead)
            .WithSummary("The most frequent values of each named field over the matching records");
        return app;
    }

    public sealed record FacetView(string Field, IReadOnlyList<ValueCount> Values);

    internal static async Task<Results<Ok<IReadOnlyList<FacetView>>, ValidationProblem, ProblemHttpResult>> FacetsAsync(
        [AsParameters] SearchParameters parameters, [FromQuery(Name = "field")] string[]? fields, [FromQuery] int? top, [FromQuery] string? logql,
        [FromServices] ILogStore store, [FromServices] LogQlEngine engine, TimeProvider time, CancellationToken ct)
    {
        if (logql is not null) return await LogQlFacetsAsync(parameters, fields, top, logql, engine, time, ct);
        var query = parameters.ToQuery(LogSearchApi.NowNs(time), out var problems);
        var named = (fields ?? []).Where(f => !string.IsNullOrWhiteSpace(f)).Select(f => f.Trim()).Distinct(StringComparer.Ordinal).ToList();
        if (named.Count is 0 or > MaxFields) problems["field"] = [$"name 1 to {MaxFields} fields (field=service&field=level)"];
        else if (named.FirstOrDefault(f => f.Length > 200) is { } tooLong) problems["field"] = [$"'{tooLong[..40]}…' is longer than 200 characters"];
        if (top is < 1 or > MaxTop) problems["top"] = [$"must be between 1 and {MaxTop}"];
        if (query is null || problems.Count > 0) return TypedResults.ValidationProblem(problems);

        var facets = new List<FacetView>(named.Count);
        foreach (var field in named)
        {
            try
            {
                facets.Add(new FacetView(field, await store.ValuesAsync(field, query, top ?? 10, ct)));
            }
            catch (LogQueryException e)
            {
                // The store names the field when the field is the problem; anything else is about the query text.
                var key = e.Problem.Contains($"'{field}'", StringComparison.Ordinal) ? "field" : "q";
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [key] = [e.Problem] });
            }
        }

        return TypedResults.Ok<IReadOnlyList<FacetView>>(facets);
    }

    private static async Task<Results<Ok<IReadOnlyList<FacetView>>, ValidationProblem, ProblemHttpResult>> LogQlFacetsAsync(
        SearchParameters parameters, string[]? fields, int? top, string logql, LogQlEngine engine, TimeProvider time, CancellationToken ct)
    {
        var range = LogQlSearch.Range(parameters, logql, LogSearchApi.NowNs(time), out var problems);
        var named = (fields ?? []).Where(f => !string.IsNullOrWhiteSpace(f)).Select(f => f.Trim()).Distinct(StringComparer.Ordinal).ToList();
        if (named.Count > MaxFields) problems["field"] = [$"name at most {MaxFields} labels, or none for the labels the most lines carry"];
        else if (named.FirstOrDefault(f => !Loki.LokiRequests.IsLabelName(f) || f.Length > 200) is { } bad) problems["field"] = [$"'{bad[..Math.Min(40, bad.Length)]}' is not a label name"];
        if (top is < 1 or > MaxTop) problems["top"] = [$"must be between 1 and {MaxTop}"];
        if (range is not { } r || problems.Count > 0) return TypedResults.ValidationProblem(problems);

        return await LogQlSearch.AnswerAsync<IReadOnlyList<FacetView>>(async () =>
        {
            var counts = new LabelValueCounts(named.Count > 0 ? named : null);
            await engine.VisitEveryLineAsync(logql, r.StartNs, r.EndNs, (_, labels, _) => counts.Add(labels), ct);
            return counts.Top(top ?? 10, MaxFields).Select(f => new FacetView(f.Field, f.Values)).ToList();
        });
    }
}
