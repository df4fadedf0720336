using AirisEpm.ServiceDefaults.Dapr;
using AirisEpm.ServiceDefaults.Security;
using Microsoft.Extensions.Options;

namespace AirisEpm.AlertService.Rules;

/// <summary>
/// Queries metrics-service through Dapr service invocation, with a service token for metrics-service only.
/// Every way of not getting an answer becomes a <see cref="MetricQueryException"/>, which the rule sees as
/// a failed evaluation.
/// </summary>
public sealed class DaprMetricQueryClient(IConfiguration configuration, ServiceTokenIssuer tokens, IOptions<RuleEvaluationOptions> options)
    : IMetricQueryClient, IDisposable
{
    private static readonly string[] QueryPermissions = [Permissions.MetricsRead];
    private readonly ServiceCaller _metrics = new(AppIds.MetricsService, configuration, tokens, options.Value.QueryTimeout, options.Value.MaxConcurrentQueries);

    public async Task<MetricQueryResult> QueryAsync(MetricQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        try
        {
            var body = await _metrics.GetJsonAsync<RangeResponse>(query.PathAndQuery, QueryPermissions, cancellationToken);
            return new MetricQueryResult((body.Series ?? []).Select(s => (IReadOnlyList<double>)(s.Points ?? []).Select(p => p.V).ToList()).ToList());
        }
        catch (ServiceCallException ex)
        {
            throw new MetricQueryException(ex.Message, ex);
        }
    }

    public void Dispose() => _metrics.Dispose();

    private sealed record RangeResponse(IReadOnlyList<RangeSeries>? Series);

    private sealed record RangeSeries(IReadOnlyList<RangePoint>? Points);

    private sealed record RangePoint(long T, double V);
}
