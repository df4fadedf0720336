using AirisEpm.MetricsService.Prometheus;
using AirisEpm.PromQl.Ast;
using AirisEpm.PromQl.Engine;
using AirisEpm.PromQl.Parser;
using AirisEpm.ServiceDefaults.Security;

namespace AirisEpm.MetricsService.Apis;

/// <summary>
/// Prometheus's query endpoints, GET or POST with a form body: <c>/api/v1/query</c>, <c>/api/v1/query_range</c>,
/// <c>/api/v1/format_query</c>, <c>/api/v1/parse_query</c>. Parameters, their order of checks, error texts and the envelope
/// are Prometheus 2.42's (checked against its binary); the <c>limit</c> parameter and <c>parse_query</c> are Prometheus 3's.
/// </summary>
public static class PrometheusQueryApi
{
    public const string TruncatedWarning = "results truncated due to limit";

    public static IEndpointRouteBuilder MapPrometheusQueryApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").WithTags("Prometheus query").RequireAuthorization(Permissions.MetricsRead)
            .AddEndpointFilter<PromErrorFilter>();
        api.MapMethods("/query", [HttpMethods.Get, HttpMethods.Post], QueryAsync).WithName("PromQuery");
        api.MapMethods("/query_range", [HttpMethods.Get, HttpMethods.Post], QueryRangeAsync).WithName("PromQueryRange");
        api.MapMethods("/format_query", [HttpMethods.Get, HttpMethods.Post], FormatQueryAsync).WithName("PromFormatQuery");
        api.MapMethods("/parse_query", [HttpMethods.Get, HttpMethods.Post], ParseQueryAsync).WithName("PromParseQuery");
        return app;
    }

    public static async Task<PromResult> QueryAsync(
        HttpRequest request, PromQueryRunner runner, ParsedQueries parsed, TimeProvider time, CancellationToken cancellationToken)
    {
        var form = await PromRequest.ReadAsync(request, cancellationToken);
        var limit = PromParameters.Limit(form);
        var at = PromParameters.OptionalTime(form, "time", time.GetUtcNow().ToUnixTimeMilliseconds());
        var timeout = Timeout(form);
        var expr = Parse(parsed, form.Value("query"), prefixed: true);
        var result = await runner.InstantAsync(expr, at, timeout, cancellationToken);
        return Answer(result, limit);
    }

    public static async Task<PromResult> QueryRangeAsync(HttpRequest request, PromQueryRunner runner, ParsedQueries parsed, CancellationToken cancellationToken)
    {
        var form = await PromRequest.ReadAsync(request, cancellationToken);
        var limit = PromParameters.Limit(form);
        var start = PromParameters.RequiredTime(form, "start");
        var end = PromParameters.RequiredTime(form, "end");
        if (end < start)
        {
            throw PromApiException.InvalidParameter("end", "end timestamp must not be before start time");
        }

        var step = PromParameters.Duration("step", form.Value("step"));
        if (step <= 0)
        {
            throw PromApiException.InvalidParameter("step", "zero or negative query resolution step widths are not accepted. Try a positive integer");
        }

        var maxPoints = runner.Options.MaxPointsPerSeries;
        if (((decimal)end - start) / step > maxPoints)
        {
            throw PromApiException.BadData(
                $"exceeded maximum resolution of {maxPoints:N0} points per timeseries. Try decreasing the query resolution (?step=XX)");
        }

        var timeout = Timeout(form);
        // Prometheus 2.42 names the parameter for an instant query's parse error but not for a range query's.
        var expr = Parse(parsed, form.Value("query"), prefixed: false);
        var result = await runner.RangeAsync(expr, start, end, step, timeout, cancellationToken);
        return Answer(result, limit);
    }

    public static async Task<PromResult> FormatQueryAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var form = await PromRequest.ReadAsync(request, cancellationToken);
        var pretty = Prettifier.Pretty(Parse(form.Value("query"), prefixed: true));
        return PromResult.Success(writer => writer.WriteStringValue(pretty));
    }

    /// <summary>Prometheus 3's syntax tree of the query (<see cref="AstJson"/>), what its UI's explain view draws.</summary>
    public static async Task<PromResult> ParseQueryAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var form = await PromRequest.ReadAsync(request, cancellationToken);
        var expr = Parse(form.Value("query"), prefixed: true);
        return PromResult.Success(writer => AstJson.Write(writer, expr));
    }

    private static TimeSpan? Timeout(PromRequest form) =>
        form.Has("timeout") ? TimeSpan.FromMilliseconds(PromParameters.Duration("timeout", form.Value("timeout"))) : null;

    private static Expr Parse(string query, bool prefixed) => Parse(null, query, prefixed);

    private static Expr Parse(ParsedQueries? parsed, string query, bool prefixed)
    {
        try
        {
            return parsed is null ? PromQlParser.ParseExpr(query) : parsed.Parse(query);
        }
        catch (ParseException e) when (prefixed)
        {
            throw PromApiException.InvalidParameter("query", e.Message);
        }
    }

    private static PromResult Answer(QueryResult result, int limit)
    {
        var warnings = result.Warnings.ToList();
        var value = result.Value;
        switch (value)
        {
            case VectorValue vector when limit > 0 && vector.Samples.Count > limit:
                value = new VectorValue([.. vector.Samples.Take(limit)]);
                warnings.Add(TruncatedWarning);
                break;
            case MatrixValue matrix when limit > 0 && matrix.Series.Count > limit:
                value = new MatrixValue([.. matrix.Series.Take(limit)]);
                warnings.Add(TruncatedWarning);
                break;
        }

        return PromResult.Success(writer => PromJson.WriteValue(writer, value), warnings, result.Infos);
    }
}
