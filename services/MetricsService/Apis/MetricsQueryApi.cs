using AirisEpm.MetricsService.Domain;
using AirisEpm.MetricsService.Prometheus;
using AirisEpm.MetricsService.Query;
using AirisEpm.MetricsService.Storage;
using AirisEpm.PromQl.Engine;
using AirisEpm.PromQl.Model;
using AirisEpm.PromQl.Parser;
using AirisEpm.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace AirisEpm.MetricsService.Apis;

/// <summary>Range queries and the metadata a query editor needs: names, labels, values, series.</summary>
public static class MetricsQueryApi
{
    public static IEndpointRouteBuilder MapMetricsQueryApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/metrics").WithTags("Metrics query").RequireAuthorization(Permissions.MetricsRead);
        api.MapGet("/query_range", QueryRangeAsync).WithName("QueryRange");
        api.MapGet("/names", NamesAsync).WithName("MetricNames");
        api.MapGet("/labels", LabelsAsync).WithName("LabelNames");
        api.MapGet("/labels/{name}/values", LabelValuesAsync).WithName("LabelValues");
        api.MapGet("/series", SeriesAsync).WithName("Series");
        return app;
    }

    /// <summary>This API's dialect, answered by the PromQL engine (<see cref="RangeQueryTranslator"/> says how).</summary>
    public static async Task<Results<Ok<RangeResult>, ValidationProblem, ProblemHttpResult>> QueryRangeAsync(
        HttpRequest request, RangeQueryExecutor executor, IOptions<QueryOptions> options, CancellationToken cancellationToken)
    {
        var q = request.Query;
        var parameters = new RangeQueryParameters(
            q["name"], [.. q["match[]"].OfType<string>()], q["start"], q["end"], q["step"], q["agg"],
            q.ContainsKey("group_by") ? q["group_by"].ToString() : null, q["fn"], q["tier"]);
        var query = RangeQueryParser.Parse(parameters, options.Value, out var errors);
        if (query is null)
        {
            return TypedResults.ValidationProblem(errors);
        }

        try
        {
            return TypedResults.Ok(await executor.ExecuteAsync(query, cancellationToken));
        }
        catch (QueryLimitException e)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [e.Field] = [e.Message] });
        }
        catch (PromQlException e) when (e.Type != PromQlErrorType.Canceled)
        {
            var status = new PromApiError(e.TypeName, e.Message).StatusCode;
            return TypedResults.Problem(title: "The query could not be answered", detail: e.Message, statusCode: status);
        }
    }

    public static async Task<Ok<ListResult<string>>> NamesAsync(IMetricStore store, CancellationToken cancellationToken) =>
        TypedResults.Ok(new ListResult<string>(await store.MetricNamesAsync(cancellationToken)));

    public static async Task<Ok<ListResult<string>>> LabelsAsync(IMetricStore store, CancellationToken cancellationToken) =>
        TypedResults.Ok(new ListResult<string>(await store.LabelNamesAsync(cancellationToken)));

    public static async Task<Results<Ok<ListResult<string>>, ValidationProblem>> LabelValuesAsync(
        string name, IMetricStore store, CancellationToken cancellationToken)
    {
        if (!MetricNames.IsValidLabelName(name))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["name"] = [$"'{name}' is not a valid label name."] });
        }

        return TypedResults.Ok(new ListResult<string>(await store.LabelValuesAsync(name, cancellationToken)));
    }

    /// <summary>Series matching any of the <c>match[]</c> selectors (OR, as Prometheus), each with <c>__name__</c>.</summary>
    public static async Task<Results<Ok<ListResult<Dictionary<string, string>>>, ValidationProblem>> SeriesAsync(
        HttpRequest request, IMetricStore store, CancellationToken cancellationToken)
    {
        var texts = request.Query["match[]"].OfType<string>().ToList();
        if (texts.Count == 0)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["match[]"] = ["At least one match[] selector is required."] });
        }

        var found = new Dictionary<long, StoredSeries>();
        foreach (var text in texts)
        {
            IReadOnlyList<Matcher> matchers;
            try
            {
                matchers = PromQlParser.ParseMetricSelector(text);
            }
            catch (ParseException e)
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["match[]"] = [e.Message] });
            }

            foreach (var (series, _) in await StoreSelectors.FindAsync(store, matchers, cancellationToken))
            {
                found.TryAdd(series.Id, series);
            }
        }

        var data = found.Values.OrderBy(s => s.Name, StringComparer.Ordinal).ThenBy(s => s.Labels.ToString(), StringComparer.Ordinal)
            .Select(s => new Dictionary<string, string>(s.Labels.ToDictionary()) { ["__name__"] = s.Name }).ToList();
        return TypedResults.Ok(new ListResult<Dictionary<string, string>>(data));
    }
}

/// <summary>A list answer, shaped like Prometheus's <c>{"data": [...]}</c>.</summary>
public sealed record ListResult<T>(IReadOnlyList<T> Data);
