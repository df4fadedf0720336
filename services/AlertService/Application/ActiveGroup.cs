using AirisEpm.AlertService.Domain.Alerts;
using AirisEpm.AlertService.Domain.Correlation;
using AirisEpm.PromQl.Model;

namespace AirisEpm.AlertService.Application;

/// <summary>A dispatcher group and its active alerts (firing, neither silenced nor inhibited), as correlation reads it.</summary>
public sealed record ActiveGroup(
    string Key,
    string Receiver,
    string RouteId,
    LabelSet GroupLabels,
    string? EscalationPolicy,
    bool HasFlushed,
    IReadOnlyList<Alert> Alerts)
{
    public CorrelatedGroup ToCorrelated() => new(Key, EscalationPolicy, HasFlushed, Alerts);
}
