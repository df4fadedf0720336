using AirisEpm.ServiceDefaults.Security;
using AirisEpm.TraceService.Analysis.Graph;
using AirisEpm.TraceService.Apis.Jaeger;
using AirisEpm.TraceService.LiveGraph;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AirisEpm.TraceService.Apis.Dependencies;

/// <summary>
/// The live dependency graph's endpoints (all <c>traces:read</c>): the graph of a window, optionally compared with
/// another (<c>/api/v1/dependencies</c>); one service's or edge's RED measures (<c>/api/v1/measures</c>, what
/// alert-service's trace rules and correlation read); and Jaeger's <c>/api/dependencies</c>. Windows are answered to
/// the bucket (one minute): the buckets that start inside them, stored and open merged.
/// </summary>
public static class DependenciesApi
{
    /// <summary>Jaeger's default lookback for the dependency view: one day.</summary>
    private const long JaegerDefaultLookbackMs = 24 * 3_600_000L;

    public static IEndpointRouteBuilder MapDependencyApis(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").WithTags("Dependencies").RequireAuthorization(Permissions.TracesRead);
        api.MapGet("/dependencies", GraphAsync).WithName("DependencyGraph").WithSummary("The service dependency graph of a window, or two windows compared")
            .ProducesValidationProblem();
        api.MapGet("/measures", MeasuresAsync).WithName("TraceMeasures").WithSummary("Calls, errors and latency percentiles into a service or along an edge")
            .ProducesValidationProblem();
        app.MapGroup("/api").WithTags("Jaeger query").RequireAuthorization(Permissions.TracesRead)
            .MapGet("/dependencies", JaegerAsync).WithName("JaegerDependencies").WithSummary("Service-to-service call counts (Jaeger's dependency view)");
        return app;
    }

    internal static async Task<Results<Ok<GraphView>, Ok<GraphComparisonView>, ValidationProblem>> GraphAsync(
        string? start, string? end, string? compareStart, string? compareEnd, LiveDependencyGraph graph, TimeProvider time, CancellationToken ct)
    {
        var problems = new Dictionary<string, string[]>();
        var (from, to) = GraphWindowParameters.Window(start, end, "start", "end", GraphWindowParameters.NowNs(time), problems);
        var comparing = compareStart is not null || compareEnd is not null;
        (long From, long To) baseline = default;
        if (comparing)
        {
            if (compareStart is null) problems["compareStart"] = ["required with compareEnd"];
            if (compareEnd is null) problems["compareEnd"] = ["required with compareStart"];
            baseline = GraphWindowParameters.Window(compareStart, compareEnd, "compareStart", "compareEnd", 0, problems);
        }
        if (problems.Count > 0) return TypedResults.ValidationProblem(problems);

        var current = await graph.WindowAsync(from, to, ct);
        if (!comparing) return TypedResults.Ok(GraphView.Of(current));
        return TypedResults.Ok(GraphComparisonView.Of(current, await graph.WindowAsync(baseline.From, baseline.To, ct)));
    }

    internal static async Task<Results<Ok<TraceMeasuresView>, ValidationProblem>> MeasuresAsync(
        string? service, string? from, string? to, string? start, string? end, LiveDependencyGraph graph, TimeProvider time, CancellationToken ct)
    {
        var problems = new Dictionary<string, string[]>();
        var (startNs, endNs) = GraphWindowParameters.Window(start, end, "start", "end", GraphWindowParameters.NowNs(time), problems);
        var edge = !string.IsNullOrEmpty(from) || !string.IsNullOrEmpty(to);
        if (!string.IsNullOrEmpty(service) && edge)
            problems["service"] = ["give either service or from and to, not both"];
        else if (edge && string.IsNullOrEmpty(from))
            problems["from"] = ["required with to"];
        else if (edge && string.IsNullOrEmpty(to))
            problems["to"] = ["required with from"];
        else if (!edge && string.IsNullOrEmpty(service))
            problems["service"] = ["required (or from and to, for an edge)"];
        if (problems.Count > 0) return TypedResults.ValidationProblem(problems);

        var window = await graph.WindowAsync(startNs, endNs, ct);
        var metrics = edge
            ? window.Edges.FirstOrDefault(e => e.Key == new EdgeKey(from!, to!))?.Metrics
            : window.Nodes.FirstOrDefault(n => n.Name == service)?.Metrics;
        return TypedResults.Ok(TraceMeasuresView.Of(metrics));
    }

    internal static async Task<Results<Ok<JaegerResponse<IReadOnlyList<JaegerDependency>>>, JsonHttpResult<JaegerResponse<object>>>> JaegerAsync(
        string? endTs, string? lookback, LiveDependencyGraph graph, TimeProvider time, CancellationToken ct)
    {
        var endMs = time.GetUtcNow().ToUnixTimeMilliseconds();
        if (endTs is not null && !long.TryParse(endTs, out endMs) || endMs <= 0)
            return JaegerError($"unable to parse param 'endTs': '{endTs}' is not a positive number of milliseconds");
        var lookbackMs = JaegerDefaultLookbackMs;
        if (lookback is not null && !long.TryParse(lookback, out lookbackMs) || lookbackMs <= 0)
            return JaegerError($"unable to parse param 'lookback': '{lookback}' is not a positive number of milliseconds");
        if (endMs > long.MaxValue / 1_000_000)
            return JaegerError("param 'endTs' is too far in the future");

        var endNs = endMs * 1_000_000;
        var window = await graph.WindowAsync(endNs - Math.Min(lookbackMs, endMs) * 1_000_000, endNs, ct);
        IReadOnlyList<JaegerDependency> data = window.Edges.Select(e => new JaegerDependency(e.Key.From, e.Key.To, e.Metrics.Calls)).ToList();
        return TypedResults.Ok(new JaegerResponse<IReadOnlyList<JaegerDependency>>(data, data.Count, 0, 0, null));
    }

    private static JsonHttpResult<JaegerResponse<object>> JaegerError(string message) =>
        TypedResults.Json(new JaegerResponse<object>(null, 0, 0, 0, [new JaegerError(StatusCodes.Status400BadRequest, message)]), statusCode: StatusCodes.Status400BadRequest);
}

/// <summary>The answer alert-service reads (its <c>TraceMeasures</c>): percentiles in ms, rate and percentiles null when there were no calls.</summary>
public sealed record TraceMeasuresView(long Calls, long Errors, double? ErrorRate, double? P50Ms, double? P95Ms, double? P99Ms)
{
    public static TraceMeasuresView Of(WindowMetrics? m) => m is null || m.Calls == 0
        ? new(0, 0, null, null, null, null)
        : new(m.Calls, m.Errors, m.ErrorRate, m.P50Ns / 1e6, m.P95Ns / 1e6, m.P99Ns / 1e6);
}
