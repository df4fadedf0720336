using AirisEpm.AlertService.Domain.Alerts;
using AirisEpm.PromQl.Model;

namespace AirisEpm.AlertService.Incidents;

/// <summary>
/// One alert group an incident stands for: its key, its name as pages show it, when it joined, whether its alerts
/// resolved, and whether it is <see cref="Waiting"/>: correlated with the incident when it opened while the group was
/// still in its group_wait, so named at once but with no notification of its own yet (its alerts are not in the pages,
/// and it holds no incident open) until it flushes and joins for real.
/// </summary>
public sealed record IncidentGroup(string GroupKey, string Name, DateTimeOffset JoinedAt, bool Resolved = false, bool Waiting = false)
{
    /// <summary>
    /// "CheckoutErrors (checkout)": the group's alert name (its <c>alertname</c> group label, else the one all its
    /// alerts share, else "alerts") and the values of its other group labels, as a page's title names a group.
    /// </summary>
    public static string NameOf(LabelSet groupLabels, IEnumerable<Alert> alerts)
    {
        ArgumentNullException.ThrowIfNull(groupLabels);
        ArgumentNullException.ThrowIfNull(alerts);
        var names = alerts.Select(a => a.Labels.Get("alertname")).Distinct(StringComparer.Ordinal).ToList();
        var name = groupLabels.Get("alertname") is { Length: > 0 } grouped ? grouped : names is [{ Length: > 0 } only] ? only : "alerts";
        var values = groupLabels.Labels.Where(l => l.Name != "alertname").Select(l => l.Value).ToList();
        return values.Count > 0 ? $"{name} ({string.Join(", ", values)})" : name;
    }
}
