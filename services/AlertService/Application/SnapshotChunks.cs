namespace AirisEpm.AlertService.Application;

/// <summary>
/// Where a saved snapshot's parts are: the generation (its parts live in slot generation % 2, so
/// writing the next generation never touches the parts this head points to), how many chunks
/// of alerts, silences and group records it has, and how many journal chunks (deltas saved since,
/// in order, in the same slot) apply on top.
/// </summary>
public sealed record SnapshotChunks(long Generation, DateTimeOffset SavedAt, int Alerts, int Silences, int Groups, int Journal = 0)
{
    /// <summary>
    /// 1,000 alerts or silences per state key: about 300 KB, far under the 4 MB that daprd and
    /// gRPC accept in one message.
    /// </summary>
    public const int RecordsPerChunk = 1_000;

    /// <summary>100 groups per key: a group record lists every fingerprint in the group, so groups are bigger.</summary>
    public const int GroupsPerChunk = 100;

    public long Slot => Generation % 2;

    public static IReadOnlyList<IReadOnlyList<T>> Split<T>(IReadOnlyList<T> records, int perChunk) =>
        [.. records.Chunk(perChunk).Select(c => (IReadOnlyList<T>)c)];
}
