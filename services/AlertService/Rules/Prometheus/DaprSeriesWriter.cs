using System.Net.Http.Headers;
using AirisEpm.AlertService.Domain.PrometheusRules;
using AirisEpm.ServiceDefaults.Dapr;
using AirisEpm.ServiceDefaults.Security;
using Microsoft.Extensions.Options;

namespace AirisEpm.AlertService.Rules.Prometheus;

/// <summary>
/// metrics-service's remote_write receiver (<c>POST /api/v1/write</c>, <see cref="RemoteWriteRequest"/>) by Dapr service
/// invocation with a <c>metrics:write</c> token for metrics-service, as Prometheus's rule manager appends to its storage:
/// values as their exact bits, stale markers included; the answer comes once the samples are durable.
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
        var body = RemoteWriteRequest.Encode(series, timestamp);
        return _metrics.PostAsync("/api/v1/write", () =>
        {
            var content = new ByteArrayContent(body);
            content.Headers.ContentType = new MediaTypeHeaderValue(RemoteWriteRequest.ContentType);
            content.Headers.ContentEncoding.Add(RemoteWriteRequest.ContentEncoding);
            content.Headers.TryAddWithoutValidation(RemoteWriteRequest.VersionHeader, RemoteWriteRequest.Version);
            return content;
        }, WritePermissions, cancellationToken);
    }

    public void Dispose() => _metrics.Dispose();
}
