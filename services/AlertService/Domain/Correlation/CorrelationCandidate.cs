using AirisEpm.AlertService.Domain.Alerts;

namespace AirisEpm.AlertService.Domain.Correlation;

/// <summary>An alert to correlate and the dispatcher group it belongs to; its service is the <c>service</c> label.</summary>
public sealed record CorrelationCandidate(Alert Alert, string GroupKey)
{
    public string Service => Alert.Labels["service"];
}
