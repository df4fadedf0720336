using AirisEpm.AlertService.Domain.Alerts;
using AirisEpm.AlertService.Domain.Labels;

namespace AirisEpm.AlertService.Domain.Dispatch;

/// <summary>
/// One notification the dispatcher decided to send: a group's current firing and resolved
/// alerts for one receiver. Whether resolved alerts are shown is each integration's
/// <c>send_resolved</c> choice, so both lists are always given. <see cref="GroupKey"/> is
/// stable for the group's life (Alertmanager's <c>{route}:{labels}</c> form): notifiers use it
/// as the webhook <c>groupKey</c> and escalation uses it to find the incident.
/// </summary>
public sealed record NotificationDue(
    string Receiver,
    string GroupKey,
    string RouteId,
    LabelSet GroupLabels,
    IReadOnlyList<Alert> Firing,
    IReadOnlyList<Alert> Resolved,
    string? EscalationPolicy,
    DateTimeOffset At)
{
    /// <summary>Firing first, then resolved; each in fingerprint order.</summary>
    public IEnumerable<Alert> Alerts => Firing.Concat(Resolved);

    /// <summary>Webhook v4 status: firing while any alert fires.</summary>
    public AlertState Status => Firing.Count > 0 ? AlertState.Firing : AlertState.Resolved;
}
