using AirisEpm.LogService.Apis.Loki;
using AirisEpm.LogService.LogQl.Ast;
using AirisEpm.LogService.LogQl.Evaluation;
using AirisEpm.LogService.LogQl.Metadata;
using AirisEpm.LogService.LogQl.Syntax;
using AirisEpm.LogService.Storage;
using AirisEpm.PromQl.Model;
using AirisEpm.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using static AirisEpm.LogService.Apis.Loki.LokiRequests;

namespace AirisEpm.LogService.Apis;

/// <summary>
/// Loki's query API over the log store, so Grafana's Loki data source (Explore, dashboards, the label
/// browser, the health check's <c>vector(1)+vector(1)</c>) works unchanged. Errors on these routes are
/// not ProblemDetails, unlike the rest of this service: Loki clients read Loki's shape,
/// <c>{"status":"error","errorType":"bad_data","error":"…"}</c> (with <c>message</c>, which Grafana shows),
/// so that is what they get: 400 for a query or parameter that is wrong, 422 for one that would do too
/// much work, 503 for one that ran out of time.
/// </summary>
public static class LokiQueryApi
{
    public const string Version = "3.0.0";

    public static IEndpointRouteBuilder MapLokiQueryApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/loki/api/v1").WithTags("Loki query").RequireAuthorization(Permissions.LogsRead);
        api.MapMethods("/query_range", ["GET", "POST"], QueryRangeAsync).WithName("LokiQueryRange").WithSummary("LogQL over a time range: streams or a matrix");
        api.MapMethods("/query", ["GET", "POST"], QueryAsync).WithName("LokiQuery").WithSummary("LogQL metric query at one instant: a vector or a scalar");
        api.MapMethods("/labels", ["GET", "POST"], LabelsAsync).WithName("LokiLabels");
        api.MapMethods("/label/{name}/values", ["GET", "POST"], LabelValuesAsync).WithName("LokiLabelValues");
        api.MapMethods("/series", ["GET", "POST"], SeriesAsync).WithName("LokiSeries");
        api.MapMethods("/index/stats", ["GET", "POST"], IndexStatsAsync).WithName("LokiIndexStats");
        api.MapGet("/patterns", PatternsAsync).WithName("LokiPatterns");
        api.MapGet("/status/buildinfo", BuildInfo).WithName("LokiBuildInfo");
        return app;
    }

    internal static Task<Results<Ok<LokiQueryResponse>, JsonHttpResult<LokiErrorResponse>>> QueryRangeAsync(
        HttpRequest request, [FromServices] LogQlEngine engine, TimeProvider time, CancellationToken ct) =>
        AnswerAsync(async () =>
        {
            var parameters = await LokiParameters.ReadAsync(request, ct);
            var query = parameters.Query();
            var (startNs, endNs) = parameters.Bounds(NowNs(time));
            var result = await engine.RangeQueryAsync(query, startNs, endNs, parameters.Step(startNs, endNs), parameters.Limit(), parameters.Backward(), ct);
            return LokiResults.Of(result);
        });

    internal static Task<Results<Ok<LokiQueryResponse>, JsonHttpResult<LokiErrorResponse>>> QueryAsync(
        HttpRequest request, [FromServices] LogQlEngine engine, TimeProvider time, CancellationToken ct) =>
        AnswerAsync(async () =>
        {
            var parameters = await LokiParameters.ReadAsync(request, ct);
            var query = parameters.Query();
            var result = await engine.InstantQueryAsync(query, parameters.Time("time", NowNs(time)), parameters.Limit(), ct);
            return LokiResults.Of(result);
        });

    internal static Task<Results<Ok<LokiListResponse<string>>, JsonHttpResult<LokiErrorResponse>>> LabelsAsync(
        HttpRequest request, [FromServices] StreamCatalog catalog, TimeProvider time, CancellationToken ct) =>
        AnswerAsync(async () =>
        {
            var parameters = await LokiParameters.ReadAsync(request, ct);
            var (startNs, endNs) = parameters.Bounds(NowNs(time));
            var names = await catalog.LabelNamesAsync(OptionalSelector(parameters), startNs, endNs + 1, ct);
            return new LokiListResponse<string>("success", names);
        });

    internal static Task<Results<Ok<LokiListResponse<string>>, JsonHttpResult<LokiErrorResponse>>> LabelValuesAsync(
        string name, HttpRequest request, [FromServices] StreamCatalog catalog, TimeProvider time, CancellationToken ct) =>
        AnswerAsync(async () =>
        {
            if (!IsLabelName(name)) throw new LokiParameterException("name", $"'{name}' is not a valid label name");
            var parameters = await LokiParameters.ReadAsync(request, ct);
            var (startNs, endNs) = parameters.Bounds(NowNs(time));
            var values = await catalog.LabelValuesAsync(name, OptionalSelector(parameters), startNs, endNs + 1, ct);
            return new LokiListResponse<string>("success", values);
        });

    internal static Task<Results<Ok<LokiListResponse<IReadOnlyDictionary<string, string>>>, JsonHttpResult<LokiErrorResponse>>> SeriesAsync(
        HttpRequest request, [FromServices] StreamCatalog catalog, TimeProvider time, CancellationToken ct) =>
        AnswerAsync(async () =>
        {
            var parameters = await LokiParameters.ReadAsync(request, ct);
            var (startNs, endNs) = parameters.Bounds(NowNs(time));
            var texts = parameters.GetAll("match[]").Concat(parameters.GetAll("match")).Where(t => !string.IsNullOrWhiteSpace(t)).Distinct(StringComparer.Ordinal);
            var selectors = texts.Select(t => Selector(t, "match[]", allowEmpty: true)).Where(s => s.Count > 0).ToList();
            var series = await catalog.SeriesAsync(selectors, startNs, endNs + 1, ct);
            return new LokiListResponse<IReadOnlyDictionary<string, string>>("success", series.Select(LokiResults.LabelMap).ToList());
        });

    internal static Task<Results<Ok<LokiIndexStats>, JsonHttpResult<LokiErrorResponse>>> IndexStatsAsync(
        HttpRequest request, [FromServices] StreamCatalog catalog, TimeProvider time, CancellationToken ct) =>
        AnswerAsync(async () =>
        {
            var parameters = await LokiParameters.ReadAsync(request, ct);
            var (startNs, endNs) = parameters.Bounds(NowNs(time));
            var matchers = MatchersOf(parameters.Query(), "query");
            var (streams, chunks, bytes, entries) = await catalog.IndexStatsAsync(matchers, startNs, endNs + 1, ct);
            return new LokiIndexStats(streams, chunks, bytes, entries);
        });

    internal static Task<Results<Ok<LokiListResponse<LokiPatternView>>, JsonHttpResult<LokiErrorResponse>>> PatternsAsync(
        HttpRequest request, [FromServices] PatternCatalog catalog, TimeProvider time, CancellationToken ct) =>
        AnswerAsync(async () =>
        {
            var parameters = await LokiParameters.ReadAsync(request, ct);
            var (startNs, endNs) = parameters.Bounds(NowNs(time));
            var stepNs = parameters.Step(startNs, endNs);
            if (stepNs <= 0) throw new LokiParameterException("step", "zero or negative query resolution step widths are not accepted. Try a positive integer");
            var matchers = MatchersOf(parameters.Query(), "query");
            var patterns = await catalog.PatternsAsync(matchers, startNs, endNs + 1, stepNs, ct);
            return new LokiListResponse<LokiPatternView>("success", patterns.Select(p => new LokiPatternView(
                p.Pattern, p.Level, p.Samples.Select(s => new[] { s.StartNs / 1_000_000_000, s.Count }).ToList())).ToList());
        });

    internal static Ok<LokiBuildInfo> BuildInfo() =>
        TypedResults.Ok(new LokiBuildInfo(Version, "airis-epm", "main", "airis-epm", "", $".NET {Environment.Version}"));
}
