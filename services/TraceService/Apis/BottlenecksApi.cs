using AirisEpm.ServiceDefaults.Security;
using AirisEpm.TraceService.Analysis.Bottlenecks;
using AirisEpm.TraceService.Analysis.ClockSkew;
using AirisEpm.TraceService.Analysis.CriticalPaths;
using AirisEpm.TraceService.Analysis.Trees;
using AirisEpm.TraceService.Apis.Views;
using AirisEpm.TraceService.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AirisEpm.TraceService.Apis;

/// <summary>
/// <c>GET /api/v1/bottlenecks?service=&amp;start=&amp;end=&amp;limit=</c>: where the window's traces spend their time. Each trace is
/// clock-skew adjusted and its critical path computed; operations are ranked by their share of critical-path time
/// (<see cref="BottleneckAnalyzer"/>) and compared with the previous window of the same length.
/// </summary>
public static class BottlenecksApi
{
    /// <summary>
    /// Traces analysed per window, at most: a critical path costs O(n log n) in the trace's spans, so 1,000 traces of 100 spans
    /// take tens of milliseconds, twice (both windows). Beyond it a uniform sample is analysed and the answer says so.
    /// </summary>
    public const int MaxTraces = 1_000;

    public static IEndpointRouteBuilder MapBottlenecksApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/v1/bottlenecks").WithTags("Traces").RequireAuthorization(Permissions.TracesRead)
            .MapGet("", GetAsync).WithName("GetBottlenecks")
            .WithSummary("Operations ranked by critical-path share and self time, with the change since the previous window")
            .ProducesValidationProblem();
        return app;
    }

    internal static async Task<Results<Ok<BottlenecksView>, ValidationProblem>> GetAsync(
        [AsParameters] BottleneckParameters parameters, ITraceStore store, TimeProvider time, CancellationToken ct)
    {
        var window = parameters.ToWindow(time.GetUtcNow().ToUnixTimeMilliseconds() * 1_000_000, out var problems);
        if (window is null) return TypedResults.ValidationProblem(problems);
        var (startNs, endNs) = window.Value;
        var service = string.IsNullOrEmpty(parameters.Service) ? null : parameters.Service;
        var previousStartNs = startNs - (endNs - startNs);

        var now = await WindowTraces.LoadAsync(store, startNs, endNs, service, MaxTraces, ct);
        var before = await WindowTraces.LoadAsync(store, previousStartNs, startNs, service, MaxTraces, ct);
        var (nowReport, beforeReport) = (Analyze(now), Analyze(before));
        return TypedResults.Ok(BottlenecksView.Of(service, MaxTraces, parameters.Limit ?? BottleneckParameters.DefaultLimit,
            WindowView.Of(startNs, endNs, now, nowReport), WindowView.Of(previousStartNs, startNs, before, beforeReport), nowReport, beforeReport));
    }

    private static BottleneckReport Analyze(WindowSample sample) =>
        BottleneckAnalyzer.Analyze(sample.Traces.Select(spans => CriticalPath.Compute(ClockSkewAdjuster.Adjust(TraceTree.Build(spans)).Tree)));
}
