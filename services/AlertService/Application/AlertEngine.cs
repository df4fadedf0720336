using AirisEpm.PromQl.Model;
using AirisEpm.AlertService.Domain.Alerts;
using AirisEpm.AlertService.Domain.Configuration;
using AirisEpm.AlertService.Domain.Dispatch;
using AirisEpm.AlertService.Domain.Inhibition;
using AirisEpm.AlertService.Domain.Silences;

namespace AirisEpm.AlertService.Application;

/// <summary>
/// The single owner of the alert store, the silences and the dispatcher: every read and write goes
/// through one lock, so the pure domain classes never see two threads. <see cref="AlertEngineWorker"/>
/// drives <see cref="Tick"/> and persistence; the APIs and event handlers call the rest.
/// </summary>
public sealed class AlertEngine : IAlertIntake, IActiveAlertSource
{
    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private readonly SilenceStore _silences = new();
    private readonly RetryBackoff _backoff;
    private AlertingConfig _config;
    private AlertStore _alerts;
    private Dispatcher _dispatcher;
    private long _changes;

    // What changed since the last save, for TakeDelta; a full snapshot is due after a restore, a reset or a new configuration.
    private readonly HashSet<Fingerprint> _changedAlerts = [];
    private readonly HashSet<Fingerprint> _removedAlerts = [];
    private bool _silencesChanged;
    private bool _needsSnapshot = true;

    public AlertEngine(AlertingConfigHolder config, TimeProvider time, RetryBackoff? backoff = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        _time = time;
        _backoff = backoff ?? RetryBackoff.Default;
        _config = config.Current.Config;
        _alerts = NewStore(_config);
        _dispatcher = new Dispatcher(_config, _backoff);
        config.Changed += ApplyConfig;
    }

    /// <summary>Grows on every change worth saving; the worker saves when it moved.</summary>
    public long Changes => Interlocked.Read(ref _changes);

    /// <summary>True once the saved state was merged in (or found absent); nothing is saved before.</summary>
    public bool IsRestored { get; private set; }

    public DateTimeOffset Now => _time.GetUtcNow();

    /// <summary>Stores valid alerts and routes them into their groups; invalid ones are the caller's bug.</summary>
    public Task SubmitAsync(IReadOnlyList<PostedAlert> alerts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(alerts);
        for (var i = 0; i < alerts.Count; i++)
        {
            if (alerts[i].Validate() is { Count: > 0 } errors)
            {
                throw new ArgumentException($"alerts[{i}]: {string.Join("; ", errors)}", nameof(alerts));
            }
        }

        lock (_gate)
        {
            var now = _time.GetUtcNow();
            foreach (var posted in alerts)
            {
                var stored = _alerts.Put(posted, now);
                _dispatcher.Ingest(stored, now);
                _changedAlerts.Add(stored.Fingerprint);
                _removedAlerts.Remove(stored.Fingerprint);
            }

            Interlocked.Increment(ref _changes);
        }

        return Task.CompletedTask;
    }

    /// <summary>Flushes the due groups; muting (silences, inhibition) is evaluated only when a group is due.</summary>
    public IReadOnlyList<NotificationDue> Tick(DateTimeOffset now)
    {
        lock (_gate)
        {
            var muter = new LazyMuter(() => new AlertMuter(_silences, new Inhibitor(_config.InhibitRules, _alerts.All, now)));
            var due = _dispatcher.Tick(now, muter);
            var removed = _alerts.CollectGarbage(now);
            foreach (var alert in removed)
            {
                _removedAlerts.Add(alert.Fingerprint);
                _changedAlerts.Remove(alert.Fingerprint);
            }

            var silencesCollected = _silences.CollectGarbage(now);
            _silencesChanged |= silencesCollected > 0;
            var collected = removed.Count + silencesCollected;
            if (due.Count > 0 || collected > 0)
            {
                Interlocked.Increment(ref _changes);
            }

            return due;
        }
    }

    /// <summary>What became of a notification <see cref="Tick"/> returned: <paramref name="failed"/> integrations were not delivered.</summary>
    public void Report(NotificationDue due, IReadOnlyCollection<string> failed)
    {
        lock (_gate)
        {
            _dispatcher.Report(due, failed, _time.GetUtcNow());
            Interlocked.Increment(ref _changes);
        }
    }

    /// <summary>Notifications whose retries their group's next flush superseded (they finally failed).</summary>
    public IReadOnlyList<NotificationDue> TakeAbandoned()
    {
        lock (_gate)
        {
            return _dispatcher.TakeAbandoned();
        }
    }

    public IReadOnlyList<AlertView> Alerts()
    {
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            var inhibitor = new Inhibitor(_config.InhibitRules, _alerts.All, now);
            return [.. _alerts.All.Where(a => !a.IsResolvedAt(now)).Select(a => View(a, inhibitor, now))];
        }
    }

    /// <summary>Every group with active alerts (their latest versions), for correlation: O(alerts × inhibit rules).</summary>
    public IReadOnlyList<ActiveGroup> ActiveGroups()
    {
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            var inhibitor = new Inhibitor(_config.InhibitRules, _alerts.All, now);
            return [.. _dispatcher.Groups
                .Select(g => new ActiveGroup(g.Key, g.Route.Receiver, g.Route.Id, g.GroupLabels, g.Route.EscalationPolicy, g.HasFlushed,
                    [.. g.Alerts.Select(a => _alerts.TryGet(a.Fingerprint, out var latest) ? latest : a)
                        .Where(a => !a.IsResolvedAt(now) && View(a, inhibitor, now).State == AlertView.Active)]))
                .Where(g => g.Alerts.Count > 0)];
        }
    }

    public IReadOnlyList<AlertGroupView> Groups()
    {
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            var inhibitor = new Inhibitor(_config.InhibitRules, _alerts.All, now);
            return [.. _dispatcher.Groups.Select(g => new AlertGroupView(g.GroupLabels, g.Route.Receiver,
                [.. g.Alerts.Select(a => _alerts.TryGet(a.Fingerprint, out var latest) ? latest : a)
                    .Where(a => !a.IsResolvedAt(now))
                    .Select(a => View(a, inhibitor, now))]))];
        }
    }

    /// <summary>The stored version of an alert (resolved ones included, until garbage-collected).</summary>
    public Alert? Find(Fingerprint fingerprint)
    {
        lock (_gate)
        {
            return _alerts.TryGet(fingerprint, out var alert) ? alert : null;
        }
    }

    /// <summary>
    /// Creates or updates (Alertmanager's rules); throws <see cref="SilenceException"/>. The answer lists
    /// the silences changed (an update may expire the old one and create another), to be saved, and
    /// what they were before, for <see cref="RevertSilences"/> when they cannot be.
    /// </summary>
    public SilenceChange SetSilence(SilenceRequest request) => TrackSilences(now => _silences.Set(request, now));

    /// <summary>Expires a silence; throws <see cref="SilenceException"/> (not found, already expired).</summary>
    public SilenceChange ExpireSilence(string id) => TrackSilences(now => _silences.Expire(id, now).Id);

    /// <summary>Undoes a change whose save failed, so memory never holds a silence the store does not.</summary>
    public void RevertSilences(SilenceChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        lock (_gate)
        {
            for (var i = 0; i < change.Changed.Count; i++)
            {
                if (change.Before[i] is { } before) _silences.Put(before);
                else _silences.Remove(change.Changed[i].Id);
            }

            _silencesChanged = true;

            Interlocked.Increment(ref _changes);
        }
    }

    /// <summary>The silences as the store keeps them: with their purge time (end plus Alertmanager's retention).</summary>
    public static DateTimeOffset PurgeAt(SilenceRecord silence) => silence.EndsAt + SilenceStore.DefaultRetention;

    private SilenceChange TrackSilences(Func<DateTimeOffset, string> change)
    {
        lock (_gate)
        {
            var before = _silences.All.ToDictionary(s => s.Id, StringComparer.Ordinal);
            var id = change(_time.GetUtcNow());
            var changed = _silences.All.Where(s => !before.TryGetValue(s.Id, out var old) || old != s).ToList();
            _silencesChanged = true;
            Interlocked.Increment(ref _changes);
            return new SilenceChange(id, changed, [.. changed.Select(s => before.GetValueOrDefault(s.Id))]);
        }
    }

    public Silence? GetSilence(string id)
    {
        lock (_gate)
        {
            return _silences.TryGet(id, out var silence) ? silence : null;
        }
    }

    public IReadOnlyList<Silence> Silences()
    {
        lock (_gate)
        {
            return _silences.Snapshot();
        }
    }

    /// <summary>Everything, to save whole; what changed before it needs no delta any more.</summary>
    public EngineSnapshot Snapshot()
    {
        lock (_gate)
        {
            ClearChanges();
            _needsSnapshot = false;
            return new EngineSnapshot(
                [.. _alerts.All.Select(a => a.ToRecord())],
                [.. _silences.All.Select(s => s.ToRecord())],
                [.. _dispatcher.Groups.SelectMany(g => g.NotificationLog.Select(e => EngineSnapshotMapping.ToRecord(g.Key, e.Key, e.Value)))],
                _time.GetUtcNow());
        }
    }

    /// <summary>
    /// What changed since the last <see cref="Snapshot"/> or delta, to append to the saved state; null when only
    /// a whole snapshot will do (after a restore, a reset or a configuration change, or a save that failed:
    /// <see cref="RequireSnapshot"/>). Taking it starts the next delta.
    /// </summary>
    public EngineDelta? TakeDelta()
    {
        lock (_gate)
        {
            if (_needsSnapshot) return null;
            var groupKeys = _dispatcher.TakeLogChanges();
            var delta = new EngineDelta(
                [.. _changedAlerts.Select(f => _alerts.TryGet(f, out var alert) ? alert.ToRecord() : null).OfType<AlertRecord>()],
                [.. _removedAlerts.Select(f => f.ToString())],
                _silencesChanged ? [.. _silences.All.Select(s => s.ToRecord())] : null,
                groupKeys,
                [.. groupKeys.SelectMany(k => _dispatcher.TryGetGroup(k, out var g)
                    ? g.NotificationLog.Select(e => EngineSnapshotMapping.ToRecord(g.Key, e.Key, e.Value))
                    : [])],
                _time.GetUtcNow());
            ClearChanges();
            return delta;
        }
    }

    /// <summary>The last snapshot or delta was not saved: the next save must be whole.</summary>
    public void RequireSnapshot()
    {
        lock (_gate)
        {
            _needsSnapshot = true;
        }
    }

    private void ClearChanges()
    {
        _changedAlerts.Clear();
        _removedAlerts.Clear();
        _silencesChanged = false;
        _dispatcher.TakeLogChanges();
    }

    /// <summary>
    /// Merges saved state into the current one (alerts that arrived before the restore are kept and
    /// merged, never overwritten) and marks the engine restored. <paramref name="snapshot"/> null
    /// means nothing was ever saved.
    /// </summary>
    public void Restore(EngineSnapshot? snapshot, IReadOnlyList<SilenceRecord>? silences = null)
    {
        lock (_gate)
        {
            if (silences is { Count: > 0 })
            {
                // Written one by one before each answer: newer than (or absent from) the last snapshot.
                var saved = silences.Select(TryToSilence).OfType<Silence>().ToList();
                var merged = _silences.All.ToDictionary(s => s.Id, StringComparer.Ordinal);
                foreach (var silence in saved)
                {
                    if (!merged.TryGetValue(silence.Id, out var known) || known.UpdatedAt < silence.UpdatedAt) merged[silence.Id] = silence;
                }

                _silences.Restore(merged.Values);
            }

            if (snapshot is not null)
            {
                var now = _time.GetUtcNow();
                foreach (var record in snapshot.Alerts)
                {
                    _dispatcher.Ingest(_alerts.Put(record.ToAlert(), now), now);
                }

                var known = _silences.All.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
                var restored = snapshot.Silences.Where(s => !known.Contains(s.Id)).Select(TryToSilence).OfType<Silence>().ToList();
                _silences.Restore(_silences.All.Concat(restored).ToList());
                ApplyNotificationLog(snapshot.Groups.GroupBy(g => g.Key, StringComparer.Ordinal)
                    .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal));
            }

            _needsSnapshot = true;
            IsRestored = true;
        }
    }

    /// <summary>
    /// Empties the engine and marks it not restored, so nothing is flushed or saved from it: this
    /// replica handed the engine over to another one, and a later take-over restores it afresh.
    /// </summary>
    public void Reset()
    {
        lock (_gate)
        {
            _alerts = NewStore(_config);
            _silences.Restore([]);
            _dispatcher = new Dispatcher(_config, _backoff);
            ClearChanges();
            _needsSnapshot = true;
            IsRestored = false;
        }
    }

    /// <summary>Rebuilds the dispatcher for a new configuration; groups that still exist keep their notification log.</summary>
    private void ApplyConfig(AlertingConfig config)
    {
        lock (_gate)
        {
            var logs = _dispatcher.Groups.Where(g => g.NotificationLog.Count > 0)
                .ToDictionary(g => g.Key, g => g.NotificationLog.Select(e => EngineSnapshotMapping.ToRecord(g.Key, e.Key, e.Value)).ToList(), StringComparer.Ordinal);
            var now = _time.GetUtcNow();
            if (config.ResolveTimeout != _config.ResolveTimeout)
            {
                var store = NewStore(config);
                foreach (var alert in _alerts.All) store.Put(alert, now);
                _alerts = store;
            }

            _config = config;
            _dispatcher = new Dispatcher(config, _backoff);
            foreach (var alert in _alerts.All) _dispatcher.Ingest(alert, now);
            ApplyNotificationLog(logs);
            _needsSnapshot = true;
            Interlocked.Increment(ref _changes);
        }
    }

    /// <summary>A record without an integration (saved before logs were kept per integration) stands for every integration of its group.</summary>
    private void ApplyNotificationLog(Dictionary<string, List<GroupRecord>> logs)
    {
        foreach (var (key, records) in logs)
        {
            if (!_dispatcher.TryGetGroup(key, out var group)) continue;
            foreach (var record in records)
            {
                var names = record.Integration is { } name ? [name] : Integration.Of(group.Route, _config).Select(i => i.Name);
                foreach (var n in names) group.NotificationLog[n] = record.ToEntry();
            }

            group.HasFlushed = true;
        }
    }

    /// <summary>
    /// A saved matcher this version no longer compiles is skipped (and the silence lost) rather than
    /// failing the whole restore, which would otherwise be retried forever and block alerting.
    /// </summary>
    private static Silence? TryToSilence(SilenceRecord record)
    {
        try
        {
            return record.ToSilence();
        }
        catch (MatcherException)
        {
            return null;
        }
    }

    private AlertView View(Alert alert, Inhibitor inhibitor, DateTimeOffset now) => new(
        alert,
        [.. _config.Routes.Match(alert.Labels).Select(r => r.Receiver).Distinct(StringComparer.Ordinal)],
        _silences.SilencedBy(alert.Labels, now),
        inhibitor.InhibitedBy(alert.Labels));

    private static AlertStore NewStore(AlertingConfig config) => new(new AlertStoreOptions { ResolveTimeout = config.ResolveTimeout });

    /// <summary>Builds the inhibitor only when some group is actually flushed (most ticks flush nothing).</summary>
    private sealed class LazyMuter(Func<IAlertMuter> create) : IAlertMuter
    {
        private IAlertMuter? _muter;

        public bool IsMuted(Alert alert, DateTimeOffset now) => (_muter ??= create()).IsMuted(alert, now);
    }
}
