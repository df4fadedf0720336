using AirisEpm.PromQl.Model;

namespace AirisEpm.AlertService.Domain.Alerts;

/// <summary>
/// The in-memory aggregate of current alerts keyed by fingerprint. Not thread-safe: the owner
/// (one actor or one lock) serialises access. Persistence is the caller's: <see cref="Snapshot"/>
/// and <see cref="Restore"/> exchange plain alert lists.
/// </summary>
public sealed class AlertStore(AlertStoreOptions? options = null)
{
    private readonly Dictionary<Fingerprint, Alert> _alerts = [];

    public AlertStoreOptions Options { get; } = options ?? new AlertStoreOptions();

    public int Count => _alerts.Count;

    public IEnumerable<Alert> All => _alerts.Values;

    public bool TryGet(Fingerprint fingerprint, out Alert alert) => _alerts.TryGetValue(fingerprint, out alert!);

    /// <summary>Normalizes and stores a posted alert; returns the stored (possibly merged) version.</summary>
    public Alert Put(PostedAlert posted, DateTimeOffset now) => Put(posted.Normalize(now, Options.ResolveTimeout), now);

    /// <summary>
    /// Stores an alert, merging with the existing one when their activity ranges overlap
    /// (Alertmanager's rule); a non-overlapping re-send replaces it (a new occurrence).
    /// </summary>
    public Alert Put(Alert alert, DateTimeOffset now)
    {
        if (_alerts.TryGetValue(alert.Fingerprint, out var old) && Overlaps(old, alert))
        {
            alert = old.Merge(alert, now);
        }
        _alerts[alert.Fingerprint] = alert;
        return alert;
    }

    /// <summary>Drops alerts resolved longer than the retention ago; returns what was removed.</summary>
    public IReadOnlyList<Alert> CollectGarbage(DateTimeOffset now)
    {
        var cutoff = now - Options.ResolvedRetention;
        var removed = _alerts.Values.Where(a => a.EndsAt <= cutoff).ToList();
        foreach (var alert in removed) _alerts.Remove(alert.Fingerprint);
        return removed;
    }

    public IReadOnlyList<Alert> Snapshot() => [.. _alerts.Values];

    public void Restore(IEnumerable<Alert> alerts)
    {
        _alerts.Clear();
        foreach (var alert in alerts) _alerts[alert.Fingerprint] = alert;
    }

    private static bool Overlaps(Alert old, Alert incoming) =>
        (incoming.EndsAt > old.StartsAt && incoming.EndsAt < old.EndsAt)
        || (incoming.StartsAt > old.StartsAt && incoming.StartsAt < old.EndsAt);
}
