namespace AirisEpm.AlertService.Domain.Correlation;

/// <summary>
/// Decides which incident a firing alert group belongs to, so that correlated groups page once.
/// <code>
///   12:00 checkout ─┐ same window, checkout → orders    one incident, one page naming both groups
///   12:00 orders   ─┘
///   12:02 frontend ─── frontend → checkout              joins that incident: a timeline entry, no page
///   12:01 search   ─── no edge to any of them           an incident (and a page) of its own
/// </code>
/// Rules, in order:
/// <list type="number">
/// <item>A group already in an open incident stays in it (refreshed, no page), whatever the correlation says now.</item>
/// <item>Otherwise its alerts are correlated with every group's active alerts by <see cref="AlertCorrelator"/> (starts
/// within the window, and the same group, the same service or services one dependency edge apart, transitively). The
/// groups of its component that may share its incident are those under the same escalation policy (one incident follows
/// one ladder: two teams' policies still page both teams, as PagerDuty groups alerts per service) that have flushed once.</item>
/// <item>If one of those is in an open incident of that policy, the group joins the earliest such incident.</item>
/// <item>Otherwise the group opens a new incident with every one of those groups no open incident holds, naming as
/// <see cref="IncidentDecision.Waiting"/> the same-policy groups of its component still in their group_wait (they have
/// told nobody yet and may resolve without ever notifying, so they join for real, under rule 1, when they flush).</item>
/// </list>
/// Open incidents are never merged with each other. Only open incidents holding the group or a group of its component
/// matter (<see cref="GroupsToLookUp"/>), so a caller need not read the others. Cost: the correlation's O(alerts × degree),
/// plus O(open incidents × their groups).
/// </summary>
public static class IncidentJoining
{
    /// <summary>The correlated component <paramref name="groupKey"/>'s alerts belong to (null when it has no alert among the groups).</summary>
    public static CorrelatedIncident? ComponentOf(string groupKey, IReadOnlyList<CorrelatedGroup> groups, ServiceGraph graph, CorrelationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(groups);
        var candidates = groups.SelectMany(g => g.Alerts.Select(a => new CorrelationCandidate(a, g.Key))).ToList();
        return AlertCorrelator.Correlate(candidates, graph, options).FirstOrDefault(i => i.GroupKeys.Contains(groupKey, StringComparer.Ordinal));
    }

    /// <summary>The groups whose open incidents <see cref="Decide(string, string, IReadOnlyList{CorrelatedGroup}, CorrelatedIncident?, IReadOnlyList{OpenIncident})"/> reads: the group and its component's.</summary>
    public static IReadOnlyList<string> GroupsToLookUp(string groupKey, CorrelatedIncident? component) =>
        [.. new[] { groupKey }.Concat(component?.GroupKeys ?? []).Distinct(StringComparer.Ordinal)];

    public static IncidentDecision Decide(
        string groupKey, string policy, IReadOnlyList<CorrelatedGroup> groups, IReadOnlyList<OpenIncident> open, ServiceGraph graph,
        CorrelationOptions? options = null) =>
        Decide(groupKey, policy, groups, ComponentOf(groupKey, groups, graph, options), open);

    /// <summary>The decision for <paramref name="groupKey"/> in <paramref name="component"/>, given (at least) the open incidents holding any of <see cref="GroupsToLookUp"/>.</summary>
    public static IncidentDecision Decide(
        string groupKey, string policy, IReadOnlyList<CorrelatedGroup> groups, CorrelatedIncident? component, IReadOnlyList<OpenIncident> open)
    {
        ArgumentNullException.ThrowIfNull(groups);
        ArgumentNullException.ThrowIfNull(open);
        var earliestFirst = open.OrderBy(i => i.TriggeredAt).ThenBy(i => i.Id, StringComparer.Ordinal).ToList();
        if (earliestFirst.FirstOrDefault(i => i.Groups.Contains(groupKey, StringComparer.Ordinal)) is { } holding)
        {
            return new IncidentDecision(holding, AlreadyMember: true, holding.Groups, component);
        }

        var byKey = groups.GroupBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var samePolicy = (component?.GroupKeys ?? []).Where(k => k != groupKey && byKey.TryGetValue(k, out var g) && g.Policy == policy).ToList();
        var companions = samePolicy.Where(k => byKey[k].HasFlushed).ToHashSet(StringComparer.Ordinal);
        if (earliestFirst.FirstOrDefault(i => i.Policy == policy && i.Groups.Any(companions.Contains)) is { } joined)
        {
            return new IncidentDecision(joined, AlreadyMember: false, [.. joined.Groups, groupKey], component);
        }

        var taken = open.SelectMany(i => i.Groups).ToHashSet(StringComparer.Ordinal);
        return new IncidentDecision(null, AlreadyMember: false, [groupKey, .. companions.Where(k => !taken.Contains(k)).Order(StringComparer.Ordinal)], component)
        {
            Waiting = [.. samePolicy.Where(k => !byKey[k].HasFlushed && !taken.Contains(k)).Order(StringComparer.Ordinal)],
        };
    }
}
