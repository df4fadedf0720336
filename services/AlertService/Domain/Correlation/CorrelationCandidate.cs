using AirisEpm.AlertService.Domain.Alerts;

namespace AirisEpm.AlertService.Domain.Correlation;

/// <summary>
/// An alert to correlate and the dispatcher group it belongs to. Its service is the <c>service</c> label, else the
/// service name in <c>job</c>: metrics from OpenTelemetry carry <c>service.namespace/service.name</c> there (the
/// OpenTelemetry Prometheus mapping metrics-service applies), so the part after the last <c>/</c>.
/// </summary>
public sealed record CorrelationCandidate(Alert Alert, string GroupKey)
{
    public string Service => Alert.Labels.Get("service") is { Length: > 0 } service ? service : ServiceOfJob(Alert.Labels.Get("job"));

    private static string ServiceOfJob(string job) => job[(job.LastIndexOf('/') + 1)..];
}
