using AirisEpm.AlertService.Domain.PrometheusRules;
using AirisEpm.PromQl.Model;
using AirisEpm.ServiceDefaults.Dapr;
using AirisEpm.ServiceDefaults.Security;
using Microsoft.Extensions.Options;

namespace AirisEpm.AlertService.Rules.Prometheus;

/// <summary>
/// metrics-service's JSON ingest (<c>POST /api/v1/metrics</c>) by Dapr service invocation with a <c>metrics:write</c>
/// token for metrics-service, as trace-service's span metrics write. Values go as Prometheus's spellings in strings
/// (<c>"NaN"</c>, <c>"+Inf"</c>), which JSON numbers cannot carry; the answer comes once the samples are durable.
/// </summary>
public sealed class DaprSeriesWriter(IConfiguration configuration, ServiceTokenIssuer tokens, IOptions<RuleEvaluationOptions> options)
    : ISeriesWriter, IDisposable
{
    private static readonly string[] WritePermissions = [Permissions.MetricsWrite];
    private readonly ServiceCaller _metrics = new(AppIds.MetricsService, configuration, tokens, options.Value.QueryTimeout, options.Value.MaxConcurrentQueries);

    public Task WriteAsync(IReadOnlyList<PromSample> series, DateTimeOffset timestamp, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(series);
        if (series.Count == 0) return Task.CompletedTask;
        var ms = timestamp.ToUnixTimeMilliseconds();
        var body = new
        {
            metrics = series.Select(s => new
            {
                name = s.Labels.GetValueOrDefault("__name__", ""),
                value = PromFloat.Format(s.Value),
                timestamp = ms,
                labels = s.Labels.Where(l => l.Key != "__name__").ToDictionary(l => l.Key, l => l.Value, StringComparer.Ordinal),
                type = "gauge",
            }),
        };
        return _metrics.PostJsonAsync("/api/v1/metrics", body, WritePermissions, cancellationToken);
    }

    public void Dispose() => _metrics.Dispose();
}
