using AirisEpm.ServiceDefaults.Security;
using AirisEpm.ServiceDefaults.Text;
using AirisEpm.TraceService.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AirisEpm.TraceService.Apis;

/// <summary>trace-service's own query API: trace search (summaries, newest first).</summary>
public static class TraceQueryApi
{
    public static IEndpointRouteBuilder MapTraceQueryApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/traces").WithTags("Traces").RequireAuthorization(Permissions.TracesRead);
        api.MapGet("", SearchAsync).WithName("SearchTraces").WithSummary("Traces with a span matching every condition, newest first")
            .ProducesValidationProblem();
        return app;
    }

    internal static async Task<Results<Ok<TraceSearchView>, ValidationProblem>> SearchAsync(
        [AsParameters] TraceSearchParameters parameters, ITraceStore store, TimeProvider time, CancellationToken ct)
    {
        var query = parameters.ToQuery(time.GetUtcNow().ToUnixTimeMilliseconds() * 1_000_000, out var problems);
        if (query is null) return TypedResults.ValidationProblem(problems);
        var summaries = await store.SearchAsync(query, ct);
        return TypedResults.Ok(new TraceSearchView(summaries.Select(TraceSummaryView.Of).ToList(), query.Limit));
    }
}

public sealed record TraceSearchView(IReadOnlyList<TraceSummaryView> Traces, int Limit);

/// <summary>A search hit: the root's service and operation, when it started, how long it took, its size and errors.</summary>
public sealed record TraceSummaryView(
    string TraceId, string RootService, string RootOperation, string Start, long StartNs, long DurationNs, double DurationMs,
    int SpanCount, int ErrorCount, IReadOnlyList<string> Services)
{
    public static TraceSummaryView Of(TraceSummary s) => new(
        s.TraceId, s.RootService, s.RootOperation, UnixTime.FormatRfc3339(s.StartNs), s.StartNs, s.DurationNs, s.DurationNs / 1e6,
        s.SpanCount, s.ErrorCount, s.Services);
}
