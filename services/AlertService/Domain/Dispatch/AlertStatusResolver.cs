using AirisEpm.AlertService.Domain.Alerts;
using AirisEpm.AlertService.Domain.Inhibition;
using AirisEpm.AlertService.Domain.Routing;
using AirisEpm.AlertService.Domain.Silences;

namespace AirisEpm.AlertService.Domain.Dispatch;

/// <summary>
/// Computes API v2 alert statuses for one snapshot (build per request: the inhibitor indexes the
/// current alerts once). Filtering by the <c>active</c>/<c>silenced</c>/<c>inhibited</c> query
/// flags is the caller's.
/// </summary>
public sealed class AlertStatusResolver(RouteTree routes, SilenceStore silences, Inhibitor inhibitor)
{
    public AlertStatus Resolve(Alert alert, DateTimeOffset now)
    {
        var silencedBy = silences.SilencedBy(alert.Labels, now);
        var inhibitedBy = inhibitor.InhibitedBy(alert.Labels);
        var receivers = routes.Match(alert.Labels).Select(r => r.Receiver).Distinct(StringComparer.Ordinal).ToList();
        var state = silencedBy.Count > 0 || inhibitedBy.Count > 0 ? AlertStatusState.Suppressed : AlertStatusState.Active;
        return new AlertStatus(state, silencedBy, inhibitedBy, receivers);
    }
}
