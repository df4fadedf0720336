using AirisEpm.PromQl.Model;

namespace AirisEpm.AlertService.Application;

/// <summary>
/// What changed in the engine since its last save, appended to the saved snapshot instead of saving
/// everything again: the alerts stored or updated since (their latest versions), the fingerprints
/// (hex) garbage-collected since, every silence when any changed (else null), and the groups whose
/// notification log changed, each with all its records (none: the group is gone).
/// </summary>
public sealed record EngineDelta(
    IReadOnlyList<AlertRecord> Alerts,
    IReadOnlyList<string> RemovedAlerts,
    IReadOnlyList<SilenceRecord>? Silences,
    IReadOnlyList<string> GroupKeys,
    IReadOnlyList<GroupRecord> Groups,
    DateTimeOffset SavedAt)
{
    /// <summary>Records this delta writes, what the journal's growth is measured in.</summary>
    public int Size => Alerts.Count + RemovedAlerts.Count + (Silences?.Count ?? 0) + GroupKeys.Count + Groups.Count;

    public bool IsEmpty => Size == 0 && Silences is null;

    /// <summary>
    /// <paramref name="snapshot"/> with this delta applied: an alert replaces the saved one with the same
    /// labels, a removed fingerprint drops it, silences replace all, a listed group's records replace its saved ones.
    /// </summary>
    public EngineSnapshot ApplyTo(EngineSnapshot? snapshot)
    {
        var alerts = new Dictionary<Fingerprint, AlertRecord>();
        foreach (var alert in snapshot?.Alerts ?? []) alerts[FingerprintOf(alert)] = alert;
        foreach (var hex in RemovedAlerts)
        {
            if (Fingerprint.TryParse(hex, out var fingerprint)) alerts.Remove(fingerprint);
        }
        foreach (var alert in Alerts) alerts[FingerprintOf(alert)] = alert;

        var replaced = GroupKeys.ToHashSet(StringComparer.Ordinal);
        var groups = (snapshot?.Groups ?? []).Where(g => !replaced.Contains(g.Key)).Concat(Groups.Where(g => replaced.Contains(g.Key)));
        return new EngineSnapshot([.. alerts.Values], Silences ?? snapshot?.Silences ?? [], [.. groups], SavedAt);
    }

    /// <summary>Splits into parts of at most <paramref name="perChunk"/> alerts and <paramref name="groupsPerChunk"/> groups, each group whole in one part.</summary>
    public IReadOnlyList<EngineDelta> Split(int perChunk, int groupsPerChunk)
    {
        var recordsByKey = Groups.ToLookup(g => g.Key, StringComparer.Ordinal);
        var alertChunks = Alerts.Chunk(perChunk).ToList();
        var removedChunks = RemovedAlerts.Chunk(perChunk).ToList();
        var groupChunks = GroupKeys.Chunk(groupsPerChunk).ToList();
        var parts = Math.Max(1, Math.Max(alertChunks.Count, Math.Max(removedChunks.Count, groupChunks.Count)));
        return [.. Enumerable.Range(0, parts).Select(i =>
        {
            string[] keys = i < groupChunks.Count ? groupChunks[i] : [];
            return new EngineDelta(
                i < alertChunks.Count ? alertChunks[i] : [],
                i < removedChunks.Count ? removedChunks[i] : [],
                i == 0 ? Silences : null,
                keys,
                [.. keys.SelectMany(k => recordsByKey[k])],
                SavedAt);
        })];
    }

    private static Fingerprint FingerprintOf(AlertRecord alert) => LabelSet.From(alert.Labels).Fingerprint;
}
