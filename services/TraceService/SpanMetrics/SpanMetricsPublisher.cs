using AirisEpm.ServiceDefaults.Dapr;
using AirisEpm.ServiceDefaults.Hosting;
using AirisEpm.ServiceDefaults.Security;
using Microsoft.Extensions.Options;

namespace AirisEpm.TraceService.SpanMetrics;

/// <summary>
/// Writes the span-metrics series to metrics-service's <c>POST /api/v1/metrics</c> every
/// <see cref="SpanMetricsOptions.FlushInterval"/>, with the service graph's edge series (<see cref="ServiceGraphMetrics"/>), through Dapr service invocation with a <c>metrics:write</c>
/// token for metrics-service. The values are cumulative, so a failed write loses only that point's
/// resolution: the next one carries every span counted since.
/// </summary>
public sealed class SpanMetricsPublisher(
    SpanMetricsAggregator aggregator, ServiceGraphMetrics serviceGraph, [FromKeyedServices(AppIds.MetricsService)] ServiceCaller metrics, IOptions<SpanMetricsOptions> options, TimeProvider time, ILogger<SpanMetricsPublisher> logger)
    : BackgroundService
{
    private static readonly string[] WritePermissions = [Permissions.MetricsWrite];

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        options.Value.Enabled
            ? PeriodicLoop.RunAsync(options.Value.FlushInterval, time, PublishAsync, logger, "Writing span metrics to metrics-service", stoppingToken)
            : Task.CompletedTask;

    public async Task PublishAsync(CancellationToken cancellationToken)
    {
        var nowMs = time.GetUtcNow().ToUnixTimeMilliseconds();
        var points = aggregator.Snapshot(nowMs, options.Value.Instance).Concat(serviceGraph.Snapshot(nowMs, options.Value.Instance)).ToList();
        if (points.Count == 0)
        {
            return;
        }

        var body = new { metrics = points.Select(p => new { name = p.Name, value = p.Value, timestamp = p.TimestampMs, labels = p.Labels, type = "counter" }) };
        await metrics.PostJsonAsync("/api/v1/metrics", body, WritePermissions, cancellationToken);
    }
}
