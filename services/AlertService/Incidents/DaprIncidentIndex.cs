using AirisEpm.AlertService.Domain.Correlation;
using AirisEpm.ServiceDefaults.Dapr;
using Dapr.Client;

namespace AirisEpm.AlertService.Incidents;

/// <summary>
/// The incidents in the state store, written by actors on every replica (ETag concurrency throughout). Three kinds of key:
/// <list type="bullet">
/// <item>the listing, one key holding the newest <see cref="Capacity"/> incidents;</item>
/// <item>one entry per open incident (deleted once it resolved), with no cap;</item>
/// <item>per group (by the hash of its key), the ids of the open incidents standing for it (<see cref="OpenIncidentPointers"/>),
/// so <see cref="OpenHoldingAsync"/> finds a group's open incidents in two bulk reads, however many are open and however
/// long ago they opened.</item>
/// </list>
/// Writes are ordered so that a save stopped half-way misleads no lookup and is completed by the next save: pointers are
/// added before the entry names their groups, and a resolving incident's entry says so before its pointers go. A lookup
/// trusts only entries that are open and name the group (a pointer whose entry is gone or resolved, or a hash collision, is skipped).
/// </summary>
public sealed class DaprIncidentIndex(DaprClient dapr) : IIncidentIndex
{
    public const int Capacity = 1_000;
    private const string ListingKey = "incidents-index";
    private const string EntryPrefix = "incident-open-";
    private const string GroupPrefix = "incident-group-";
    private static readonly string Store = DaprComponents.StateStore;

    public async Task UpsertAsync(IncidentSummary summary, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var previous = await dapr.GetStateAsync<IncidentSummary?>(Store, EntryKey(summary.Id), cancellationToken: cancellationToken);
        var (add, remove) = OpenIncidentPointers.Change(previous, summary);
        foreach (var group in add) await ChangePointersAsync(group, ids => ids.Add(summary.Id), cancellationToken);
        if (summary.IsOpen || previous is { IsOpen: true })
        {
            await dapr.SaveStateAsync(Store, EntryKey(summary.Id), summary, cancellationToken: cancellationToken);
        }

        foreach (var group in remove) await ChangePointersAsync(group, ids => ids.Remove(summary.Id), cancellationToken);
        if (!summary.IsOpen && previous is not null)
        {
            await dapr.DeleteStateAsync(Store, EntryKey(summary.Id), cancellationToken: cancellationToken);
        }

        await dapr.UpdateUnderETagAsync<List<IncidentSummary>>(Store, ListingKey, current =>
            [.. (current ?? []).Where(s => s.Id != summary.Id).Prepend(summary).OrderByDescending(s => s.TriggeredAt).Take(Capacity)],
            cancellationToken);
    }

    public async Task<IReadOnlyList<IncidentSummary>> ListAsync(CancellationToken cancellationToken) =>
        await dapr.GetStateAsync<List<IncidentSummary>?>(Store, ListingKey, cancellationToken: cancellationToken) ?? [];

    public async Task<IReadOnlyList<OpenIncident>> OpenHoldingAsync(IReadOnlyCollection<string> groupKeys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(groupKeys);
        var wanted = groupKeys.ToHashSet(StringComparer.Ordinal);
        if (wanted.Count == 0) return [];
        var pointers = await dapr.GetBulkStateAsync<List<string>>(Store, [.. wanted.Select(GroupKey)], parallelism: 8, cancellationToken: cancellationToken);
        List<string> ids = [.. pointers.Where(p => p.Value is not null).SelectMany(p => p.Value).Distinct(StringComparer.Ordinal)];
        if (ids.Count == 0) return [];
        var entries = await dapr.GetBulkStateAsync<IncidentSummary>(Store, [.. ids.Select(EntryKey)], parallelism: 8, cancellationToken: cancellationToken);
        return [.. entries.Select(e => e.Value).Where(s => s is { IsOpen: true } && s.MemberKeys.Any(wanted.Contains)).Select(s => s.ToOpen())];
    }

    /// <summary>Changes a group's pointer list under its ETag; an emptied list is deleted, so groups long gone leave no key behind.</summary>
    private async Task ChangePointersAsync(string groupKey, Func<HashSet<string>, bool> change, CancellationToken cancellationToken)
    {
        var key = GroupKey(groupKey);
        for (var attempt = 1; attempt <= 20; attempt++)
        {
            var (current, etag) = await dapr.GetStateAndETagAsync<List<string>?>(Store, key, cancellationToken: cancellationToken);
            var ids = (current ?? []).ToHashSet(StringComparer.Ordinal);
            if (!change(ids)) return;
            var saved = ids.Count > 0
                ? await dapr.TrySaveUnchangedAsync(Store, key, ids.Order(StringComparer.Ordinal).ToList(), etag, cancellationToken)
                : await dapr.TryDeleteStateAsync(Store, key, etag, cancellationToken: cancellationToken);
            if (saved) return;
        }

        throw new InvalidOperationException($"The open incidents of group '{groupKey}' changed concurrently 20 times in a row; try again.");
    }

    private static string EntryKey(string incidentId) => EntryPrefix + incidentId;

    private static string GroupKey(string groupKey) => GroupPrefix + IncidentIds.ActorIdFor(groupKey);
}
