using AirisEpm.AlertService.Domain.Alerts;
using AirisEpm.AlertService.Domain.Configuration;
using AirisEpm.AlertService.Domain.Labels;
using AirisEpm.AlertService.Domain.Routing;

namespace AirisEpm.AlertService.Domain.Dispatch;

/// <summary>
/// Alertmanager's dispatcher and notification pipeline as a pure state machine driven by
/// <c>now</c>. <see cref="Ingest"/> routes each stored alert version into aggregation groups
/// (O(matching routes)); <see cref="Tick"/> flushes the groups whose timer is due (a priority
/// queue, so O(due groups × their alerts)) and returns the notifications to send.
/// <code>
///  new group ──group_wait──► flush ──group_interval──► flush ──group_interval──► ...
///                            (notify if first firing)   (notify if new firing / newly resolved,
///                                                         or unchanged for repeat_interval)
/// </code>
/// A flush drops silenced/inhibited alerts, notifies nothing while a mute interval is active or
/// no active interval is, then removes resolved alerts; an empty group is deleted.
/// Not thread-safe: the owner serialises calls.
/// </summary>
public sealed class Dispatcher(AlertingConfig config)
{
    private readonly Dictionary<string, AggregationGroup> _groups = new(StringComparer.Ordinal);
    private readonly PriorityQueue<AggregationGroup, DateTimeOffset> _timers = new();

    public AlertingConfig Config { get; } = config;

    public IReadOnlyCollection<AggregationGroup> Groups => _groups.Values;

    /// <summary>The earliest pending flush, for the caller's reminder or timer; null when idle.</summary>
    public DateTimeOffset? NextFlushAt
    {
        get
        {
            while (_timers.TryPeek(out var group, out var at))
            {
                if (IsLive(group, at)) return at;
                _timers.Dequeue(); // stale entry of a rescheduled or deleted group
            }
            return null;
        }
    }

    public bool TryGetGroup(string key, out AggregationGroup group) => _groups.TryGetValue(key, out group!);

    /// <summary>Adds or updates an alert (the version the alert store returned) in each group it routes to.</summary>
    public void Ingest(Alert alert, DateTimeOffset now)
    {
        foreach (var route in Config.Routes.Match(alert.Labels))
        {
            var groupLabels = route.GroupBy.GroupLabels(alert.Labels);
            var key = AggregationGroup.KeyFor(route, groupLabels);
            if (!_groups.TryGetValue(key, out var group))
            {
                group = new AggregationGroup(route, key, groupLabels, now + route.GroupWait);
                _groups[key] = group;
                _timers.Enqueue(group, group.NextFlushAt);
            }
            // An alert older than group_wait needs no waiting for company (Alertmanager does the same).
            if (!group.HasFlushed && alert.StartsAt + route.GroupWait < now && group.NextFlushAt > now)
            {
                group.NextFlushAt = now;
                _timers.Enqueue(group, now);
            }
            group.AlertsByFingerprint[alert.Fingerprint] = alert;
        }
    }

    /// <summary>Flushes every group due at <paramref name="now"/>; returns the notifications to send.</summary>
    public IReadOnlyList<NotificationDue> Tick(DateTimeOffset now, IAlertMuter muter)
    {
        var due = new List<NotificationDue>();
        while (_timers.TryPeek(out var group, out var at) && at <= now)
        {
            _timers.Dequeue();
            if (!IsLive(group, at)) continue;
            if (Flush(group, now, muter) is { } notification) due.Add(notification);
            group.HasFlushed = true;
            if (group.AlertsByFingerprint.Count == 0)
            {
                _groups.Remove(group.Key);
                continue;
            }
            group.NextFlushAt = now + group.Route.GroupInterval;
            _timers.Enqueue(group, group.NextFlushAt);
        }
        return due;
    }

    /// <summary>
    /// Forgets that a group's last notification was sent (its delivery finally failed), so the
    /// next flush notifies again instead of waiting for repeat_interval.
    /// </summary>
    public void ForgetNotification(string groupKey)
    {
        if (_groups.TryGetValue(groupKey, out var group)) group.LastNotification = null;
    }

    public IReadOnlyList<AggregationGroupSnapshot> Snapshot() =>
        [.. _groups.Values.Select(g => new AggregationGroupSnapshot(g.Route.Id, g.GroupLabels, [.. g.AlertsByFingerprint.Values], g.NextFlushAt, g.HasFlushed, g.LastNotification))];

    /// <summary>
    /// Restores groups saved by <see cref="Snapshot"/>. A group whose route still exists comes back
    /// with its timer and notification log; alerts of a route that no longer exists (the config
    /// changed) are routed again as new at <paramref name="now"/>. This is also how a config reload
    /// works: snapshot the old dispatcher, restore into one built on the new config.
    /// </summary>
    public void Restore(IEnumerable<AggregationGroupSnapshot> groups, DateTimeOffset now)
    {
        foreach (var saved in groups)
        {
            if (!Config.Routes.TryGet(saved.RouteId, out var route))
            {
                foreach (var alert in saved.Alerts) Ingest(alert, now);
                continue;
            }
            var group = new AggregationGroup(route, AggregationGroup.KeyFor(route, saved.GroupLabels), saved.GroupLabels, saved.NextFlushAt)
            {
                HasFlushed = saved.HasFlushed,
                LastNotification = saved.LastNotification,
            };
            foreach (var alert in saved.Alerts) group.AlertsByFingerprint[alert.Fingerprint] = alert;
            _groups[group.Key] = group;
            _timers.Enqueue(group, group.NextFlushAt);
        }
    }

    private NotificationDue? Flush(AggregationGroup group, DateTimeOffset now, IAlertMuter muter)
    {
        var firing = new List<Alert>();
        var resolved = new List<Alert>();
        foreach (var alert in group.AlertsByFingerprint.Values)
        {
            if (muter.IsMuted(alert, now)) continue;
            (alert.IsResolvedAt(now) ? resolved : firing).Add(alert);
        }
        var resolvedNow = group.AlertsByFingerprint.Values.Where(a => a.IsResolvedAt(now)).Select(a => a.Fingerprint).ToList();
        resolvedNow.ForEach(fp => group.AlertsByFingerprint.Remove(fp));

        if (firing.Count + resolved.Count == 0 || IsTimeMuted(group.Route, now)) return null;
        var firingSet = firing.Select(a => a.Fingerprint).ToHashSet();
        var resolvedSet = resolved.Select(a => a.Fingerprint).ToHashSet();
        var sendResolved = Config.Receivers.TryGetValue(group.Route.Receiver, out var receiver) && receiver.SendsResolved;
        if (!NotificationLogEntry.NeedsUpdate(group.LastNotification, firingSet, resolvedSet, sendResolved, group.Route.RepeatInterval, now))
        {
            return null;
        }
        group.LastNotification = new NotificationLogEntry(firingSet, resolvedSet, now);
        firing.Sort(ByFingerprint);
        resolved.Sort(ByFingerprint);
        return new NotificationDue(group.Route.Receiver, group.Key, group.Route.Id, group.GroupLabels, firing, resolved, group.Route.EscalationPolicy, now);
    }

    private bool IsLive(AggregationGroup group, DateTimeOffset at) =>
        at == group.NextFlushAt && _groups.TryGetValue(group.Key, out var current) && ReferenceEquals(current, group);

    private bool IsTimeMuted(ResolvedRoute route, DateTimeOffset now) =>
        Config.TimeIntervals.AnyActive(route.MuteTimeIntervals, now)
        || (route.ActiveTimeIntervals.Count > 0 && !Config.TimeIntervals.AnyActive(route.ActiveTimeIntervals, now));

    private static int ByFingerprint(Alert a, Alert b) => a.Fingerprint.CompareTo(b.Fingerprint);
}
