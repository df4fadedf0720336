using AirisEpm.LogService.Storage;
using AirisEpm.ServiceDefaults.Security;
using AirisEpm.ServiceDefaults.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace AirisEpm.LogService.Apis;

/// <summary>Search, one record and its context, and facets (fields and their values) over the stored records.</summary>
public static class LogSearchApi
{
    public static IEndpointRouteBuilder MapLogSearchApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/logs").WithTags("Search").RequireAuthorization(Permissions.LogsRead);
        api.MapGet("/search", SearchAsync).WithName("SearchLogs")
            .WithSummary("Lucene query syntax, newest first, cursor-paged; totals, highlights and a histogram by level");
        api.MapGet("/fields", FieldsAsync).WithName("LogFields").WithSummary("The fields of the matching records, with counts");
        api.MapGet("/fields/{field}/values", ValuesAsync).WithName("LogFieldValues").WithSummary("The most frequent values of a field over the matching records");
        api.MapGet("/{id}", GetAsync).WithName("GetLog");
        api.MapGet("/{id}/context", ContextAsync).WithName("LogContext").WithSummary("Neighbouring records of the same service and host");
        return app;
    }

    internal static async Task<Results<Ok<SearchView>, ValidationProblem>> SearchAsync(
        [AsParameters] SearchParameters parameters, [FromServices] ILogStore store, TimeProvider time, CancellationToken ct)
    {
        var query = parameters.ToQuery(NowNs(time), out var problems);
        if (query is null) return TypedResults.ValidationProblem(problems);
        LogSearchResult result;
        try
        {
            result = await store.SearchAsync(query, ct);
        }
        catch (LogQueryException e)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["q"] = [e.Problem] });
        }

        HistogramView? histogram = null;
        if (query.HistogramBuckets > 0)
        {
            var width = Math.Max(1, (query.EndNs - query.StartNs) / query.HistogramBuckets);
            histogram = new HistogramView(width, result.Histogram.Select(b => new HistogramBucketView(
                UnixTime.FormatRfc3339(b.StartNs), b.StartNs, b.CountsByLevel.Values.Sum(),
                b.CountsByLevel.ToDictionary(c => c.Key.ToString().ToLowerInvariant(), c => c.Value))).ToList());
        }

        return TypedResults.Ok(new SearchView(result.Hits.Select(LogRecordView.From).ToList(), result.Total, result.TotalIsLowerBound,
            result.Next is { } next ? SearchParameters.EncodeCursor(next) : null, histogram));
    }

    internal static async Task<Results<Ok<LogRecordView>, NotFound>> GetAsync(string id, [FromServices] ILogStore store, CancellationToken ct) =>
        await store.GetAsync(id, ct) is { } record ? TypedResults.Ok(LogRecordView.From(record)) : TypedResults.NotFound();

    internal static async Task<Results<Ok<IReadOnlyList<LogRecordView>>, NotFound, ValidationProblem>> ContextAsync(
        string id, [FromQuery] int? before, [FromQuery] int? after, [FromServices] ILogStore store, CancellationToken ct)
    {
        if (before is < 0 or > 500 || after is < 0 or > 500)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["before"] = ["before and after must be between 0 and 500"] });
        }

        if (await store.GetAsync(id, ct) is null) return TypedResults.NotFound();
        var records = await store.ContextAsync(id, before ?? 20, after ?? 20, ct);
        return TypedResults.Ok<IReadOnlyList<LogRecordView>>(records.Select(r => LogRecordView.From(r)).ToList());
    }

    internal static async Task<Results<Ok<IReadOnlyList<FieldCount>>, ValidationProblem>> FieldsAsync(
        [AsParameters] SearchParameters parameters, [FromServices] ILogStore store, TimeProvider time, CancellationToken ct)
    {
        var query = parameters.ToQuery(NowNs(time), out var problems);
        if (query is null) return TypedResults.ValidationProblem(problems);
        try
        {
            return TypedResults.Ok(await store.FieldsAsync(query, ct));
        }
        catch (LogQueryException e)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["q"] = [e.Problem] });
        }
    }

    internal static async Task<Results<Ok<IReadOnlyList<ValueCount>>, ValidationProblem>> ValuesAsync(
        string field, [AsParameters] SearchParameters parameters, [FromServices] ILogStore store, TimeProvider time, CancellationToken ct)
    {
        var query = parameters.ToQuery(NowNs(time), out var problems);
        if (query is null) return TypedResults.ValidationProblem(problems);
        try
        {
            return TypedResults.Ok(await store.ValuesAsync(field, query, parameters.Limit ?? 20, ct));
        }
        catch (LogQueryException e)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["q"] = [e.Problem] });
        }
    }

    internal static long NowNs(TimeProvider time) => time.GetUtcNow().ToUnixTimeMilliseconds() * 1_000_000;
}
