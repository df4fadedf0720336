using AirisEpm.ServiceDefaults.Security;
using AirisEpm.TraceService.Analysis.ClockSkew;
using AirisEpm.TraceService.Analysis.CriticalPaths;
using AirisEpm.TraceService.Analysis.Trees;
using AirisEpm.TraceService.Apis.Jaeger;
using AirisEpm.TraceService.Apis.Views;
using AirisEpm.TraceService.Apis.Views.Outline;
using AirisEpm.TraceService.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AirisEpm.TraceService.Apis;

/// <summary>
/// One trace, whole: <c>GET /api/v1/traces/{traceId}</c> (spans and tree) and <c>GET /api/v1/traces/{traceId}/critical-path</c>.
/// Both adjust clock skew first and say how. The id is 1 to 32 hex digits in any case (as Jaeger takes it); a malformed id
/// is a 400 and an unknown one a 404, both ProblemDetails.
/// </summary>
public static class TraceViewApi
{
    public static IEndpointRouteBuilder MapTraceViewApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/traces").WithTags("Traces").RequireAuthorization(Permissions.TracesRead);
        api.MapGet("/{traceId}", GetTraceAsync).WithName("GetTrace").WithSummary("A trace's spans and tree, clock skew adjusted")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/{traceId}/critical-path", GetCriticalPathAsync).WithName("GetCriticalPath")
            .WithSummary("A trace's critical path and each span's critical and self time").ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/{traceId}/outline", GetOutlineAsync).WithName("GetTraceOutline")
            .WithSummary("The console's compact shape of a trace: columns of numbers, a string table, the critical path")
            .Produces(StatusCodes.Status200OK, contentType: "application/json").ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/{traceId}/spans/{spanId}", GetSpanAsync).WithName("GetTraceSpan")
            .WithSummary("One span of a trace, every field, clock skew adjusted").ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    internal static async Task<Results<Ok<TraceView>, ValidationProblem, ProblemHttpResult>> GetTraceAsync(
        string traceId, ITraceStore store, CancellationToken ct)
    {
        var (id, adjusted, problem) = await LoadAsync(traceId, store, ct);
        if (problem is not null) return problem;
        if (adjusted is null) return NotFound(id!);
        return TypedResults.Ok(TraceView.Of(id!, adjusted));
    }

    internal static async Task<Results<Ok<CriticalPathView>, ValidationProblem, ProblemHttpResult>> GetCriticalPathAsync(
        string traceId, ITraceStore store, CancellationToken ct)
    {
        var (id, adjusted, problem) = await LoadAsync(traceId, store, ct);
        if (problem is not null) return problem;
        if (adjusted is null) return NotFound(id!);
        return TypedResults.Ok(CriticalPathView.Of(id!, adjusted, CriticalPath.Compute(adjusted.Tree)));
    }

    internal static async Task<Results<TraceOutlineResult, ValidationProblem, ProblemHttpResult>> GetOutlineAsync(
        string traceId, ITraceStore store, CancellationToken ct)
    {
        var (id, adjusted, problem) = await LoadAsync(traceId, store, ct);
        if (problem is not null) return problem;
        if (adjusted is null) return NotFound(id!);
        return new TraceOutlineResult(id!, TraceOutline.Of(adjusted, CriticalPath.Compute(adjusted.Tree)));
    }

    /// <summary>The span of the tree with that id (the first stored, as the tree keeps it), as <see cref="GetTraceAsync"/> shows it.</summary>
    internal static async Task<Results<Ok<SpanView>, ValidationProblem, ProblemHttpResult>> GetSpanAsync(
        string traceId, string spanId, ITraceStore store, CancellationToken ct)
    {
        if (spanId.Length is 0 or > 16 || !spanId.All(char.IsAsciiHexDigit))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["spanId"] = ["A span id is 1 to 16 hex digits."] });
        }

        var (id, adjusted, problem) = await LoadAsync(traceId, store, ct);
        if (problem is not null) return problem;
        if (adjusted?.Tree.Find(spanId.ToLowerInvariant().PadLeft(16, '0')) is not { } node)
        {
            return TypedResults.Problem(title: "Span not found", detail: $"The trace '{id}' has no span '{spanId}'.", statusCode: StatusCodes.Status404NotFound);
        }

        var shift = adjusted.Shifts.FirstOrDefault(s => s.SpanId == node.Span.SpanId);
        return TypedResults.Ok(SpanView.Of(node.Span, shift?.DeltaNs ?? 0));
    }

    /// <summary>The normalised id and the adjusted trace (null when unknown), or the problem with the id.</summary>
    private static async Task<(string? Id, ClockSkewResult? Adjusted, ValidationProblem? Problem)> LoadAsync(
        string traceId, ITraceStore store, CancellationToken ct)
    {
        string id;
        try
        {
            id = TraceIds.Normalise(traceId);
        }
        catch (JaegerParameterException e)
        {
            return (null, null, TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["traceId"] = [e.Message] }));
        }

        var spans = await store.GetTraceAsync(id, ct);
        return spans.Count == 0 ? (id, null, null) : (id, ClockSkewAdjuster.Adjust(TraceTree.Build(spans)), null);
    }

    private static ProblemHttpResult NotFound(string id) =>
        TypedResults.Problem(title: "Trace not found", detail: $"No stored span has the trace id '{id}'.", statusCode: StatusCodes.Status404NotFound);
}
