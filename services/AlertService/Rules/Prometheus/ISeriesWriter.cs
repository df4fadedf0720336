using AirisEpm.AlertService.Domain.PrometheusRules;

namespace AirisEpm.AlertService.Rules.Prometheus;

/// <summary>Writes series (recording rule output, <c>ALERTS</c>) to metrics-service at one timestamp; throws <see cref="ServiceDefaults.Dapr.ServiceCallException"/> when it cannot.</summary>
public interface ISeriesWriter
{
    Task WriteAsync(IReadOnlyList<PromSample> series, DateTimeOffset timestamp, CancellationToken cancellationToken);
}
