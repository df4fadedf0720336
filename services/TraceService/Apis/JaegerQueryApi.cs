using AirisEpm.ServiceDefaults.Security;
using AirisEpm.TraceService.Apis.Jaeger;
using AirisEpm.TraceService.Domain;
using AirisEpm.TraceService.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AirisEpm.TraceService.Apis;

/// <summary>
/// Jaeger's query API (what the Jaeger UI and Grafana's Jaeger data source call) over the trace store, in
/// Jaeger's JSON shapes. Errors on these routes are Jaeger's envelope, not ProblemDetails: those clients read
/// <c>errors[0].msg</c> and show it.
/// </summary>
public static class JaegerQueryApi
{
    public static IEndpointRouteBuilder MapJaegerQueryApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Jaeger query").RequireAuthorization(Permissions.TracesRead);
        api.MapGet("/services", ServicesAsync).WithName("JaegerServices").WithSummary("Services that sent spans");
        api.MapGet("/services/{service}/operations", ServiceOperationsAsync).WithName("JaegerServiceOperations").WithSummary("A service's operation names");
        api.MapGet("/operations", OperationsAsync).WithName("JaegerOperations").WithSummary("A service's operations with their span kind");
        api.MapGet("/traces", FindTracesAsync).WithName("JaegerFindTraces").WithSummary("Traces matching a search, or the traces named by traceID");
        api.MapGet("/traces/{traceId}", GetTraceAsync).WithName("JaegerGetTrace").WithSummary("One trace with all its spans");
        return app;
    }

    internal static async Task<Ok<JaegerResponse<IReadOnlyList<string>>>> ServicesAsync(ITraceStore store, CancellationToken ct)
    {
        var services = await store.GetServicesAsync(ct);
        return TypedResults.Ok(Success(services));
    }

    internal static async Task<Ok<JaegerResponse<IReadOnlyList<string>>>> ServiceOperationsAsync(string service, ITraceStore store, CancellationToken ct)
    {
        var operations = await store.GetOperationsAsync(service, null, ct);
        IReadOnlyList<string> names = operations.Select(o => o.Name).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return TypedResults.Ok(Success(names));
    }

    internal static async Task<Results<Ok<JaegerResponse<IReadOnlyList<JaegerOperation>>>, JsonHttpResult<JaegerResponse<object>>>> OperationsAsync(
        string? service, string? spanKind, ITraceStore store, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(service))
        {
            return Error(StatusCodes.Status400BadRequest, "parameter 'service' is required");
        }

        SpanKind? kind = null;
        if (!string.IsNullOrEmpty(spanKind))
        {
            kind = ParseKind(spanKind);
            if (kind is null)
            {
                return Error(StatusCodes.Status400BadRequest, $"unsupported span kind: '{spanKind}', expecting one of server, client, producer, consumer, internal");
            }
        }

        var operations = await store.GetOperationsAsync(service, kind, ct);
        IReadOnlyList<JaegerOperation> data = operations.Select(o => new JaegerOperation(o.Name, JaegerTraceMapper.KindName(o.Kind))).ToList();
        return TypedResults.Ok(Success(data));
    }

    internal static async Task<Results<Ok<JaegerResponse<IReadOnlyList<JaegerTrace>>>, JsonHttpResult<JaegerResponse<object>>>> FindTracesAsync(
        HttpRequest request, ITraceStore store, TimeProvider time, CancellationToken ct)
    {
        JaegerSearchParameters parameters;
        try
        {
            parameters = JaegerSearchParameters.Parse(request.Query, time.GetUtcNow().ToUnixTimeMilliseconds() * 1_000_000);
        }
        catch (JaegerParameterException e)
        {
            return Error(StatusCodes.Status400BadRequest, e.Message);
        }

        var ids = parameters.TraceIds.Count > 0
            ? parameters.TraceIds
            : (await store.SearchAsync(parameters.Query, ct)).Select(s => s.TraceId).ToList();
        var traces = new List<JaegerTrace>(ids.Count);
        foreach (var id in ids.Distinct(StringComparer.Ordinal))
        {
            var spans = await store.GetTraceAsync(id, ct);
            if (spans.Count > 0)
            {
                traces.Add(JaegerTraceMapper.ToTrace(id, spans));
            }
        }

        return TypedResults.Ok(Success<JaegerTrace>(traces));
    }

    internal static async Task<Results<Ok<JaegerResponse<IReadOnlyList<JaegerTrace>>>, JsonHttpResult<JaegerResponse<object>>>> GetTraceAsync(
        string traceId, ITraceStore store, CancellationToken ct)
    {
        string id;
        try
        {
            id = TraceIds.Normalise(traceId);
        }
        catch (JaegerParameterException e)
        {
            return Error(StatusCodes.Status400BadRequest, e.Message);
        }

        var spans = await store.GetTraceAsync(id, ct);
        if (spans.Count == 0)
        {
            return Error(StatusCodes.Status404NotFound, "trace not found", id);
        }

        return TypedResults.Ok(Success<JaegerTrace>([JaegerTraceMapper.ToTrace(id, spans)]));
    }

    private static SpanKind? ParseKind(string text) => text.ToLowerInvariant() switch
    {
        "server" => SpanKind.Server,
        "client" => SpanKind.Client,
        "producer" => SpanKind.Producer,
        "consumer" => SpanKind.Consumer,
        "internal" => SpanKind.Internal,
        _ => null,
    };

    private static JaegerResponse<IReadOnlyList<T>> Success<T>(IReadOnlyList<T> data) => new(data, data.Count, 0, 0, null);

    private static JsonHttpResult<JaegerResponse<object>> Error(int status, string message, string? traceId = null) =>
        TypedResults.Json(new JaegerResponse<object>(null, 0, 0, 0, [new JaegerError(status, message, traceId)]), statusCode: status);
}
