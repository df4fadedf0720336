using AirisEpm.ServiceDefaults.Dapr;
using Dapr.Client;

namespace AirisEpm.AlertService.Application;

/// <summary>
/// The engine snapshot in the state store, in chunks: a busy engine's snapshot is tens of MB, and
/// daprd refuses a request over 4 MB. The chunks of a save go to the slot the current head does
/// not point to, and the head (<see cref="SnapshotChunks"/>) is written last, so a save that dies
/// half-way leaves the previous snapshot whole. Deltas are journal chunks in the head's slot after
/// the ones it counts, made to count by rewriting the head: one that dies half-way is never read,
/// and the next append overwrites it. A snapshot saved whole under the old single key is still read
/// when no head exists.
/// </summary>
public sealed class DaprEngineStateStore(DaprClient dapr) : IEngineStateStore
{
    private const string HeadKey = "alert-engine-head";
    private const string SingleKey = "alert-engine";
    private const int Parallelism = 4;
    private static readonly string Store = DaprComponents.StateStore;

    public async Task<EngineSnapshot?> LoadAsync(CancellationToken cancellationToken)
    {
        if (await dapr.GetStateAsync<SnapshotChunks?>(Store, HeadKey, cancellationToken: cancellationToken) is not { } head)
        {
            return await dapr.GetStateAsync<EngineSnapshot?>(Store, SingleKey, cancellationToken: cancellationToken);
        }

        var snapshot = new EngineSnapshot(
            await ReadAsync<AlertRecord>(head, "alerts", head.Alerts, cancellationToken),
            await ReadAsync<SilenceRecord>(head, "silences", head.Silences, cancellationToken),
            await ReadAsync<GroupRecord>(head, "groups", head.Groups, cancellationToken),
            head.SavedAt);
        var journal = await ReadChunksAsync<EngineDelta>(head, "journal", head.Journal, cancellationToken);
        return journal.Aggregate(snapshot, (state, delta) => delta.ApplyTo(state));
    }

    public async Task AppendAsync(EngineDelta delta, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delta);
        var head = await dapr.GetStateAsync<SnapshotChunks?>(Store, HeadKey, cancellationToken: cancellationToken)
            ?? throw new InvalidOperationException("There is no saved engine snapshot to append a delta to; save one whole first.");
        var parts = delta.Split(SnapshotChunks.RecordsPerChunk, SnapshotChunks.GroupsPerChunk);
        await Parallel.ForEachAsync(Enumerable.Range(0, parts.Count), new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
            async (i, ct) => await dapr.SaveStateAsync(Store, ChunkKey(head, "journal", head.Journal + i), parts[i], cancellationToken: ct));
        await dapr.SaveStateAsync(Store, HeadKey, head with { Journal = head.Journal + parts.Count, SavedAt = delta.SavedAt }, cancellationToken: cancellationToken);
    }

    public async Task SaveAsync(EngineSnapshot snapshot, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var previous = await dapr.GetStateAsync<SnapshotChunks?>(Store, HeadKey, cancellationToken: cancellationToken);
        var alerts = SnapshotChunks.Split(snapshot.Alerts, SnapshotChunks.RecordsPerChunk);
        var silences = SnapshotChunks.Split(snapshot.Silences, SnapshotChunks.RecordsPerChunk);
        var groups = SnapshotChunks.Split(snapshot.Groups, SnapshotChunks.GroupsPerChunk);
        var head = new SnapshotChunks((previous?.Generation ?? 0) + 1, snapshot.SavedAt, alerts.Count, silences.Count, groups.Count);
        await WriteAsync(head, "alerts", alerts, cancellationToken);
        await WriteAsync(head, "silences", silences, cancellationToken);
        await WriteAsync(head, "groups", groups, cancellationToken);
        await dapr.SaveStateAsync(Store, HeadKey, head, cancellationToken: cancellationToken);
    }

    private Task WriteAsync<T>(SnapshotChunks head, string kind, IReadOnlyList<IReadOnlyList<T>> chunks, CancellationToken cancellationToken) =>
        Parallel.ForEachAsync(Enumerable.Range(0, chunks.Count), new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
            async (i, ct) => await dapr.SaveStateAsync(Store, ChunkKey(head, kind, i), chunks[i], cancellationToken: ct));

    /// <summary>One read per chunk: a bulk read of them all would be one answer over the 4 MB limit.</summary>
    private async Task<IReadOnlyList<T>> ReadAsync<T>(SnapshotChunks head, string kind, int count, CancellationToken cancellationToken) =>
        [.. (await ReadChunksAsync<List<T>>(head, kind, count, cancellationToken)).SelectMany(c => c)];

    private async Task<IReadOnlyList<T>> ReadChunksAsync<T>(SnapshotChunks head, string kind, int count, CancellationToken cancellationToken)
        where T : class
    {
        var chunks = new T[count];
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
            async (i, ct) => chunks[i] = await dapr.GetStateAsync<T?>(Store, ChunkKey(head, kind, i), cancellationToken: ct)
                ?? throw new InvalidOperationException($"Engine snapshot {head.Generation} is missing its chunk '{ChunkKey(head, kind, i)}'."));
        return chunks;
    }

    private static string ChunkKey(SnapshotChunks head, string kind, int index) => $"alert-engine||{head.Slot}||{kind}||{index}";
}
