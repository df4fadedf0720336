using AirisEpm.AlertService.Domain.Alerts;
using AirisEpm.AlertService.Domain.Configuration;
using AirisEpm.PromQl.Model;
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
/// A flush drops silenced/inhibited alerts and notifies nothing while a mute interval is active or
/// no active interval is. Dedup is per integration (Alertmanager's nflog): a flush notifies the
/// integrations whose log entry needs the update, marks them notified, and <see cref="Report"/> gives a
/// failed integration its old entry back and schedules a retry with <see cref="RetryBackoff"/>, until it
/// succeeds or the group's next flush supersedes it (then <see cref="TakeAbandoned"/> lists it).
/// Resolved alerts stay in their group until the notification that carried them is delivered on every
/// integration (Alertmanager's <c>DeleteIfNotModified</c> after a successful notify); an empty group is deleted.
/// Not thread-safe: the owner serialises calls.
/// </summary>
public sealed class Dispatcher(AlertingConfig config, RetryBackoff? backoff = null)
{
    private readonly Dictionary<string, AggregationGroup> _groups = new(StringComparer.Ordinal);

    // The same groups by route and group-label fingerprint: finding an alert's group builds no label set and no key string.
    private readonly Dictionary<(ResolvedRoute Route, Fingerprint GroupLabels), AggregationGroup> _byHash = [];
    private readonly PriorityQueue<AggregationGroup, DateTimeOffset> _timers = new();
    private readonly Dictionary<string, PendingRetry> _retries = new(StringComparer.Ordinal);
    private readonly List<NotificationDue> _abandoned = [];
    private readonly HashSet<string> _logChanged = new(StringComparer.Ordinal);
    private readonly RetryBackoff _backoff = backoff ?? RetryBackoff.Default;

    public AlertingConfig Config { get; } = config;

    public IReadOnlyCollection<AggregationGroup> Groups => _groups.Values;

    /// <summary>Notifications waiting for another attempt, by group key.</summary>
    public IReadOnlyCollection<PendingRetry> Retries => _retries.Values;

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

    /// <summary>
    /// group_interval after the flush was due, not after the turn that ran it (as Alertmanager resets its timer when it
    /// fires), so a late turn does not push every later flush back; a flush overdue by more than the interval (the
    /// engine was down) waits a whole interval from now rather than firing twice in a row.
    /// </summary>
    internal static DateTimeOffset NextFlush(DateTimeOffset due, TimeSpan interval, DateTimeOffset now) =>
        due + interval > now ? due + interval : now + interval;

    public bool TryGetGroup(string key, out AggregationGroup group) => _groups.TryGetValue(key, out group!);

    /// <summary>Adds or updates an alert (the version the alert store returned) in each group it routes to.</summary>
    public void Ingest(Alert alert, DateTimeOffset now)
    {
        foreach (var route in Config.Routes.Match(alert.Labels))
        {
            var group = GroupOf(route, alert.Labels, now);
            // An alert older than group_wait needs no waiting for company (Alertmanager does the same).
            if (!group.HasFlushed && alert.StartsAt + route.GroupWait < now && group.NextFlushAt > now)
            {
                group.NextFlushAt = now;
                _timers.Enqueue(group, now);
            }
            group.AlertsByFingerprint[alert.Fingerprint] = alert;
        }
    }

    /// <summary>
    /// Flushes every group due at <paramref name="now"/> (superseding its pending retry), then adds the
    /// retries due; returns the notifications to send. Report each one's outcome with <see cref="Report"/>.
    /// </summary>
    public IReadOnlyList<NotificationDue> Tick(DateTimeOffset now, IAlertMuter muter)
    {
        var due = new List<NotificationDue>();
        while (_timers.TryPeek(out var group, out var at) && at <= now)
        {
            _timers.Dequeue();
            if (!IsLive(group, at)) continue;
            if (_retries.Remove(group.Key, out var superseded)) _abandoned.Add(superseded.Due);
            if (Flush(group, now, muter) is { } notification) due.Add(notification);
            group.HasFlushed = true;
            if (group.AlertsByFingerprint.Count == 0)
            {
                Remove(group);
                continue;
            }
            group.NextFlushAt = NextFlush(at, group.Route.GroupInterval, now);
            _timers.Enqueue(group, group.NextFlushAt);
        }
        foreach (var retry in _retries.Values.Where(r => r.At <= now).OrderBy(r => r.At).ToList())
        {
            _retries.Remove(retry.Due.GroupKey);
            due.Add(retry.Due);
        }
        return due;
    }

    /// <summary>
    /// What became of <paramref name="due"/>: the integrations in <paramref name="failed"/> were not
    /// delivered. Delivered integrations keep (or, on a retry, get) their log entry; failed ones get their
    /// previous entry back and are retried after the back-off. When nothing of the group is left to
    /// deliver, the resolved alerts it carried leave the group (unless they changed since).
    /// </summary>
    public void Report(NotificationDue due, IReadOnlyCollection<string> failed, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(due);
        ArgumentNullException.ThrowIfNull(failed);
        if (!_groups.TryGetValue(due.GroupKey, out var group)) return;
        var integrations = due.Integrations.Count > 0 ? due.Integrations : [.. Integration.Of(group.Route, Config).Select(i => i.Name)];
        var failures = integrations.Where(failed.Contains).ToList();
        _logChanged.Add(group.Key);
        foreach (var name in integrations)
        {
            var delivered = !failures.Contains(name);
            if (due.Attempt == 0 && group.Unconfirmed.Remove(name, out var previous) && !delivered)
            {
                if (previous is null) group.NotificationLog.Remove(name);
                else group.NotificationLog[name] = previous;
            }
            else if (due.Attempt > 0 && delivered)
            {
                group.NotificationLog[name] = EntryOf(due);
            }
        }
        if (failures.Count > 0)
        {
            var attempt = due.Attempt + 1;
            _retries[group.Key] = new PendingRetry(due with { Integrations = failures, Attempt = attempt }, now + _backoff.Delay(attempt));
            return;
        }
        if (_retries.ContainsKey(group.Key)) return;
        foreach (var alert in due.Resolved)
        {
            if (group.AlertsByFingerprint.TryGetValue(alert.Fingerprint, out var current) && current == alert) group.AlertsByFingerprint.Remove(alert.Fingerprint);
        }
        if (group.AlertsByFingerprint.Count == 0) Remove(group);
    }

    /// <summary>
    /// The keys of the groups whose notification log changed (or that were deleted) since the last call,
    /// so that a save can write only those.
    /// </summary>
    public IReadOnlyList<string> TakeLogChanges()
    {
        var keys = _logChanged.ToList();
        _logChanged.Clear();
        return keys;
    }

    /// <summary>Retries superseded by their group's next flush since the last call: these notifications finally failed.</summary>
    public IReadOnlyList<NotificationDue> TakeAbandoned()
    {
        var abandoned = _abandoned.ToList();
        _abandoned.Clear();
        return abandoned;
    }

    public IReadOnlyList<AggregationGroupSnapshot> Snapshot() =>
        [.. _groups.Values.Select(g => new AggregationGroupSnapshot(g.Route.Id, g.GroupLabels, [.. g.AlertsByFingerprint.Values], g.NextFlushAt, g.HasFlushed,
            new Dictionary<string, NotificationLogEntry>(g.NotificationLog, StringComparer.Ordinal)))];

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
            };
            foreach (var (name, entry) in saved.NotificationLog) group.NotificationLog[name] = entry;
            foreach (var alert in saved.Alerts) group.AlertsByFingerprint[alert.Fingerprint] = alert;
            if (_groups.TryGetValue(group.Key, out var replaced)) Remove(replaced);
            _groups[group.Key] = group;
            _byHash[(route, group.GroupLabels.Fingerprint)] = group;
            _timers.Enqueue(group, group.NextFlushAt);
        }
    }

    /// <summary>
    /// The alert's group on <paramref name="route"/>, created (with its group_wait timer) when new. The hash lookup is
    /// checked against the group's labels, so a fingerprint collision falls back to the key lookup instead of mixing groups.
    /// </summary>
    private AggregationGroup GroupOf(ResolvedRoute route, LabelSet labels, DateTimeOffset now)
    {
        var groupBy = route.GroupBy;
        var hash = groupBy.All ? labels.Fingerprint : labels.FingerprintOf(groupBy.SortedNames);
        if (_byHash.TryGetValue((route, hash), out var known)
            && (groupBy.All ? known.GroupLabels.Equals(labels) : labels.HasSameValues(known.GroupLabels, groupBy.SortedNames)))
        {
            return known;
        }

        var groupLabels = groupBy.GroupLabels(labels);
        var key = AggregationGroup.KeyFor(route, groupLabels);
        if (!_groups.TryGetValue(key, out var group))
        {
            group = new AggregationGroup(route, key, groupLabels, now + route.GroupWait);
            _groups[key] = group;
            _timers.Enqueue(group, group.NextFlushAt);
        }
        _byHash.TryAdd((route, hash), group);
        return group;
    }

    private void Remove(AggregationGroup group)
    {
        _groups.Remove(group.Key);
        _logChanged.Add(group.Key);
        var hashKey = (group.Route, group.GroupLabels.Fingerprint);
        if (_byHash.TryGetValue(hashKey, out var indexed) && ReferenceEquals(indexed, group)) _byHash.Remove(hashKey);
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
        var firingSet = firing.Select(a => a.Fingerprint).ToHashSet();
        var resolvedSet = resolved.Select(a => a.Fingerprint).ToHashSet();
        var integrations = firing.Count + resolved.Count == 0 || IsTimeMuted(group.Route, now) ? [] : Integration.Of(group.Route, Config)
            .Where(i => NotificationLogEntry.NeedsUpdate(group.NotificationLog.GetValueOrDefault(i.Name), firingSet, resolvedSet, i.SendResolved, group.Route.RepeatInterval, now))
            .Select(i => i.Name).ToList();

        // Resolved alerts nobody is about to be told of leave now; the notified ones once their notice is delivered.
        var leaving = group.AlertsByFingerprint.Values.Where(a => a.IsResolvedAt(now) && (integrations.Count == 0 || !resolvedSet.Contains(a.Fingerprint)))
            .Select(a => a.Fingerprint).ToList();
        leaving.ForEach(fp => group.AlertsByFingerprint.Remove(fp));
        if (integrations.Count == 0) return null;

        var entry = new NotificationLogEntry(firingSet, resolvedSet, now);
        _logChanged.Add(group.Key);
        group.Unconfirmed.Clear();
        foreach (var name in integrations)
        {
            group.Unconfirmed[name] = group.NotificationLog.GetValueOrDefault(name);
            group.NotificationLog[name] = entry;
        }
        firing.Sort(ByFingerprint);
        resolved.Sort(ByFingerprint);
        return new NotificationDue(group.Route.Receiver, group.Key, group.Route.Id, group.GroupLabels, firing, resolved, group.Route.EscalationPolicy, now)
        {
            Integrations = integrations,
        };
    }

    private static NotificationLogEntry EntryOf(NotificationDue due) =>
        new(due.Firing.Select(a => a.Fingerprint).ToHashSet(), due.Resolved.Select(a => a.Fingerprint).ToHashSet(), due.At);

    private bool IsLive(AggregationGroup group, DateTimeOffset at) =>
        at == group.NextFlushAt && _groups.TryGetValue(group.Key, out var current) && ReferenceEquals(current, group);

    private bool IsTimeMuted(ResolvedRoute route, DateTimeOffset now) =>
        Config.TimeIntervals.AnyActive(route.MuteTimeIntervals, now)
        || (route.ActiveTimeIntervals.Count > 0 && !Config.TimeIntervals.AnyActive(route.ActiveTimeIntervals, now));

    private static int ByFingerprint(Alert a, Alert b) => a.Fingerprint.CompareTo(b.Fingerprint);
}
