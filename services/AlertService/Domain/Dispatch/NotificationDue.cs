using AirisEpm.AlertService.Domain.Alerts;
using AirisEpm.PromQl.Model;

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
    /// <summary>
    /// The receiver's integrations (<see cref="Integration.Name"/>) this notification is for: those whose
    /// notification log needs the update, or on a retry those that failed. Empty means every integration.
    /// </summary>
    public IReadOnlyList<string> Integrations { get; init; } = [];

    /// <summary>0 for a flush; n for the n-th retry of the integrations that failed.</summary>
    public int Attempt { get; init; }

    /// <summary>Firing first, then resolved; each in fingerprint order.</summary>
    public IEnumerable<Alert> Alerts => Firing.Concat(Resolved);

    /// <summary>Webhook v4 status: firing while any alert fires.</summary>
    public AlertState Status => Firing.Count > 0 ? AlertState.Firing : AlertState.Resolved;

    /// <summary>True when <paramref name="integration"/> is one this notification goes to.</summary>
    public bool Includes(string integration) => Integrations.Count == 0 || Integrations.Contains(integration, StringComparer.Ordinal);
}
