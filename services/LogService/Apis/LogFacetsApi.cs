using AirisEpm.LogService.Storage;
using AirisEpm.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace AirisEpm.LogService.Apis;

/// <summary>
/// The value counts of several fields over the matching records in one answer (a search screen's facet sidebar):
/// <c>GET /api/v1/logs/facets?field=service&amp;field=level&amp;top=10</c> plus the search filters. Each field costs one
/// counting pass over the matches, as <c>/fields/{field}/values</c> does; this saves the page a round trip per facet.
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

    internal static async Task<Results<Ok<IReadOnlyList<FacetView>>, ValidationProblem>> FacetsAsync(
        [AsParameters] SearchParameters parameters, [FromQuery(Name = "field")] string[]? fields, [FromQuery] int? top,
        [FromServices] ILogStore store, TimeProvider time, CancellationToken ct)
    {
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
}
