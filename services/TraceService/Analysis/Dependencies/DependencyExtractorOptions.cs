namespace AirisEpm.TraceService.Analysis.Dependencies;

/// <summary>How long and how many spans the <see cref="DependencyExtractor"/> remembers.</summary>
public sealed record DependencyExtractorOptions
{
    /// <summary>
    /// How long after a client or producer span arrives it waits for a child before its callee is
    /// taken as uninstrumented (a virtual node). The callee's span ends before the caller's, so it is
    /// usually exported first or in the same batch; what delays it is the exporters: the OpenTelemetry
    /// SDK's batch processor flushes every 5 s, the collector's batch processor up to 10 s more, and a
    /// retried export adds its backoff. 30 s covers a few of those delays; waiting longer only delays
    /// database and queue edges, which never get a child.
    /// </summary>
    public long MatchWaitNs { get; init; } = 30L * 1_000_000_000;

    /// <summary>
    /// How long any span is remembered after it arrives, so a child arriving later still finds its
    /// parent (and a parent its waiting children). At least <see cref="MatchWaitNs"/>; twice it by default.
    /// </summary>
    public long RetentionNs { get; init; } = 60L * 1_000_000_000;

    /// <summary>
    /// The most spans remembered; the oldest go first when it is reached. Each costs about 250 bytes
    /// (bench/README.md; about 310 when the parent id is its own string, as parsed off the wire), so
    /// 200,000 is 50–62 MB. At an ingest rate r spans/s the map holds
    /// min(capacity, r × retention) spans: 200,000 covers the full 60 s up to about 3,300 spans/s;
    /// above that the effective retention shrinks to 200,000 / r seconds and pairs whose halves
    /// arrive further apart are missed (counted in <see cref="DependencyExtractorStats.EvictedUndecided"/>
    /// for callers still waiting).
    /// </summary>
    public int Capacity { get; init; } = 200_000;

    /// <summary>
    /// The virtual caller (kind external) of entry spans: a server or consumer span with no parent is a call from
    /// it into the span's service, so an entry service has incoming calls, errors and latencies like any other
    /// (its RED measures, and the root of the graph). Null (the default of the pure extractor) counts no such calls;
    /// trace-service sets <c>user</c>.
    /// </summary>
    public string? EntryCaller { get; init; }

    /// <summary>
    /// Null (the default): this extractor decides every call, which is right when all of a trace's spans reach it.
    /// Set (several replicas, each receiving part of a trace's spans): what it cannot pair alone is handed off instead
    /// (<see cref="DependencyExtractor.TakeShared"/>) to be paired in the replicas' shared state (<see cref="SharedPair"/>):
    /// a client or producer span whose wait ends without a child here (except database calls, whose callee never
    /// sends spans), and a server or consumer span whose parent has not arrived this long after it. Shorter than
    /// <see cref="MatchWaitNs"/>, so a callee is shared before its caller's wait ends on another replica.
    /// </summary>
    public long? ShareDelayNs { get; init; }

    public static DependencyExtractorOptions Default { get; } = new();

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegative(MatchWaitNs);
        ArgumentOutOfRangeException.ThrowIfLessThan(RetentionNs, MatchWaitNs);
        ArgumentOutOfRangeException.ThrowIfLessThan(Capacity, 1);
        if (ShareDelayNs is { } share)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(share);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(share, MatchWaitNs);
        }
    }
}
