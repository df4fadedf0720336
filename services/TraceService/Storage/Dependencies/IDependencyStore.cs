using AirisEpm.TraceService.Analysis.Graph;

namespace AirisEpm.TraceService.Storage.Dependencies;

/// <summary>
/// Where the closed buckets of the dependency graph live (<see cref="EdgeBucket"/>: edge, bucket start, node
/// kinds, calls, errors, the serialised latency sketch and exemplar trace ids), so the graph survives a restart
/// and any past window can be answered. Embedded DuckDB by default, ClickHouse in production, chosen with the
/// span store; one conformance suite runs over both.
/// <para>
/// Rows are appended, never updated: a bucket that gets late calls after it was closed is written again with
/// just those, and readers merge the rows of one (bucket, edge) (merging stats is exact, see <see cref="BucketStats"/>).
/// </para>
/// </summary>
public interface IDependencyStore
{
    /// <summary>Creates or migrates the schema; called once at start, before any other member.</summary>
    Task InitializeAsync(CancellationToken cancellationToken);

    /// <summary>Appends the rows; when the task completes they survive a crash of the process.</summary>
    Task WriteAsync(IReadOnlyList<EdgeBucket> buckets, CancellationToken cancellationToken);

    /// <summary>Every row whose bucket starts in [<paramref name="fromNs"/>, <paramref name="toNs"/>), in bucket order, then caller, callee.</summary>
    Task<IReadOnlyList<EdgeBucket>> ReadAsync(long fromNs, long toNs, CancellationToken cancellationToken);

    /// <summary>Deletes the rows of buckets that start before the cutoff; returns how many went.</summary>
    Task<long> DeleteOlderThanAsync(long cutoffNs, CancellationToken cancellationToken);

    /// <summary>Throws when the store cannot answer.</summary>
    Task PingAsync(CancellationToken cancellationToken);
}
