using AirisEpm.LogService.Apis.Loki;
using AirisEpm.LogService.LogQl.Metadata;
using AirisEpm.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using static AirisEpm.LogService.Apis.Loki.LokiRequests;

namespace AirisEpm.LogService.Apis;

/// <summary>
/// The endpoints Grafana's Logs Drilldown calls to offer fields and labels to break logs down by, in Loki 3's
/// shapes and with its parameters: <c>query</c> (a log query, pipeline allowed), <c>start</c>/<c>end</c>,
/// <c>line_limit</c> (lines read, 100), <c>limit</c> (or <c>field_limit</c>: fields or values answered, 1,000) and
/// <c>step</c> (checked as for a range query). Errors are Loki's, as on the query routes.
/// </summary>
public static class LokiDetectedApi
{
    public const int DefaultLineLimit = 100;
    public const int DefaultFieldLimit = 1_000;

    public static IEndpointRouteBuilder MapLokiDetectedApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/loki/api/v1").WithTags("Loki query").RequireAuthorization(Permissions.LogsRead);
        api.MapMethods("/detected_fields", ["GET", "POST"], FieldsAsync).WithName("LokiDetectedFields")
            .WithSummary("The fields of a query's newest lines: type, cardinality, the parser that finds each");
        api.MapMethods("/detected_field/{name}/values", ["GET", "POST"], FieldValuesAsync).WithName("LokiDetectedFieldValues")
            .WithSummary("The distinct values of one detected field");
        api.MapMethods("/detected_labels", ["GET", "POST"], LabelsAsync).WithName("LokiDetectedLabels")
            .WithSummary("The stream labels worth breaking logs down by, with their cardinality");
        return app;
    }

    internal static Task<Results<Ok<LokiDetectedFieldsResponse>, JsonHttpResult<LokiErrorResponse>>> FieldsAsync(
        HttpRequest request, [FromServices] DetectedFieldCatalog catalog, TimeProvider time, CancellationToken ct) =>
        AnswerAsync(async () =>
        {
            var (parameters, query, startNs, endNs, lineLimit, limit) = await ReadAsync(request, time, ct);
            var fields = await catalog.FieldsAsync(query, startNs, endNs + 1, lineLimit, limit, ct);
            return fields.Count == 0
                ? new LokiDetectedFieldsResponse(null, null, null)
                : new LokiDetectedFieldsResponse(fields.Select(f => new LokiDetectedFieldView(f.Label, f.Type, f.Cardinality, f.Parsers, f.JsonPath)).ToList(), null, limit);
        });

    internal static Task<Results<Ok<LokiDetectedFieldsResponse>, JsonHttpResult<LokiErrorResponse>>> FieldValuesAsync(
        string name, HttpRequest request, [FromServices] DetectedFieldCatalog catalog, TimeProvider time, CancellationToken ct) =>
        AnswerAsync(async () =>
        {
            if (!IsLabelName(name)) throw new LokiParameterException("name", $"'{name}' is not a valid field name");
            var (_, query, startNs, endNs, lineLimit, limit) = await ReadAsync(request, time, ct);
            var values = await catalog.ValuesAsync(name, query, startNs, endNs + 1, lineLimit, limit, ct);
            return values.Count == 0 ? new LokiDetectedFieldsResponse(null, null, null) : new LokiDetectedFieldsResponse(null, values, limit);
        });

    internal static Task<Results<Ok<LokiDetectedLabelsResponse>, JsonHttpResult<LokiErrorResponse>>> LabelsAsync(
        HttpRequest request, [FromServices] StreamCatalog catalog, TimeProvider time, CancellationToken ct) =>
        AnswerAsync(async () =>
        {
            var parameters = await LokiParameters.ReadAsync(request, ct);
            var (startNs, endNs) = parameters.Bounds(NowNs(time));
            var labels = await catalog.DetectedLabelsAsync(OptionalSelector(parameters), startNs, endNs + 1, ct);
            return new LokiDetectedLabelsResponse(labels.Select(l => new LokiDetectedLabelView(l.Label, l.Cardinality)).ToList());
        });

    /// <summary>The parameters of the field endpoints, read and checked as Loki's <c>ParseDetectedFieldsQuery</c>.</summary>
    private static async Task<(LokiParameters Parameters, string Query, long StartNs, long EndNs, int LineLimit, int Limit)> ReadAsync(
        HttpRequest request, TimeProvider time, CancellationToken ct)
    {
        var parameters = await LokiParameters.ReadAsync(request, ct);
        var query = parameters.Query();
        var (startNs, endNs) = parameters.Bounds(NowNs(time));
        var lineLimit = parameters.PositiveInt("line_limit", DefaultLineLimit);
        var limit = parameters.Get("limit") is not null ? parameters.PositiveInt("limit", DefaultFieldLimit) : parameters.PositiveInt("field_limit", DefaultFieldLimit);
        var stepNs = parameters.Step(startNs, endNs);
        if (stepNs <= 0) throw new LokiParameterException("step", "zero or negative query resolution step widths are not accepted. Try a positive integer");
        if ((endNs - startNs) / stepNs > 11_000)
        {
            throw new LokiParameterException("step", "exceeded maximum resolution of 11,000 points per timeseries. Try decreasing the query resolution (?step=XX)");
        }

        return (parameters, query, startNs, endNs, lineLimit, limit);
    }
}
