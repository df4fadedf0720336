using System.Globalization;
using System.Text.Json;
using AirisEpm.AlertService.Domain.PrometheusRules;
using AirisEpm.ServiceDefaults.Dapr;
using AirisEpm.ServiceDefaults.Security;
using Microsoft.Extensions.Options;

namespace AirisEpm.AlertService.Rules.Prometheus;

/// <summary>
/// metrics-service's Prometheus API <c>GET /api/v1/query?query=&amp;time=</c> by Dapr service invocation with a
/// <c>metrics:read</c> token for metrics-service only. A vector answer is its samples, a scalar one sample without
/// labels (as Prometheus's rule query function makes it); any other type is the error Prometheus gives
/// ("rule result is not a vector or scalar"). A refused query answers Prometheus's error text.
/// </summary>
public sealed class DaprPromQueryClient(IConfiguration configuration, ServiceTokenIssuer tokens, IOptions<RuleEvaluationOptions> options)
    : IPromQueryClient, IDisposable
{
    private static readonly string[] QueryPermissions = [Permissions.MetricsRead];
    private readonly ServiceCaller _metrics = new(AppIds.MetricsService, configuration, tokens, options.Value.QueryTimeout, options.Value.MaxConcurrentQueries);

    public async Task<PromQueryAnswer> QueryAsync(string expression, DateTimeOffset time, CancellationToken cancellationToken)
    {
        var path = "/api/v1/query?query=" + Uri.EscapeDataString(expression) + "&time="
            + (time.ToUnixTimeMilliseconds() / 1000m).ToString("0.###", CultureInfo.InvariantCulture);
        try
        {
            return PromQueryJson.Read(await _metrics.GetJsonAsync<JsonElement>(path, QueryPermissions, cancellationToken));
        }
        catch (ServiceCallException ex)
        {
            return PromQueryAnswer.Failed(PromQueryJson.ErrorText(ex.Message) ?? ex.Message);
        }
    }

    public void Dispose() => _metrics.Dispose();
}
