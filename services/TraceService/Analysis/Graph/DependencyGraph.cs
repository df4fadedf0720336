using AirisEpm.TraceService.Analysis.Dependencies;

namespace AirisEpm.TraceService.Analysis.Graph;

/// <summary>
/// Per (caller, callee, time bucket) statistics of <see cref="ServiceCall"/>s: calls, errors and a
/// <see cref="Sketches.LatencySketch"/>. A call lands in the bucket holding its time. Any window is
/// answered by merging the buckets that start inside it, so a window is exact to the bucket size
/// (1 minute by default). Cost: O(1) per call recorded (plus the sketch's insert), O(edges × buckets
/// in the window) per query. Memory per edge and bucket is measured in bench/README.md. One lock.
/// </summary>
public sealed class DependencyGraph
{
    private readonly SortedDictionary<long, Dictionary<EdgeKey, BucketStats>> _buckets = [];
    private readonly Dictionary<string, TargetKind> _kinds = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    public DependencyGraph(long bucketNs = 60L * 1_000_000_000)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bucketNs, 1);
        BucketNs = bucketNs;
    }

    public long BucketNs { get; }

    public long BucketStart(long timeNs) => timeNs - (((timeNs % BucketNs) + BucketNs) % BucketNs);

    public void Record(ServiceCall call)
    {
        lock (_lock)
        {
            var start = BucketStart(call.TimeNs);
            if (!_buckets.TryGetValue(start, out var edges))
                _buckets[start] = edges = [];
            var key = new EdgeKey(call.From, call.To);
            if (!edges.TryGetValue(key, out var stats))
                edges[key] = stats = new BucketStats();
            stats.Add(call.DurationNs, call.IsError, call.TraceId);
            _kinds.TryAdd(call.From, call.FromKind);
            _kinds[call.To] = call.ToKind;
        }
    }

    public void Record(IEnumerable<ServiceCall> calls)
    {
        foreach (var call in calls)
            Record(call);
    }

    /// <summary>Merges a stored edge-bucket in (a graph rebuilt from the store, or one bucket read back).</summary>
    public void Add(EdgeBucket bucket)
    {
        lock (_lock)
        {
            if (!_buckets.TryGetValue(bucket.BucketStartNs, out var edges))
                _buckets[bucket.BucketStartNs] = edges = [];
            if (edges.TryGetValue(bucket.Edge, out var stats))
                stats.Merge(bucket.Stats);
            else
                edges[bucket.Edge] = bucket.Stats.Clone();
            _kinds.TryAdd(bucket.Edge.From, bucket.FromKind);
            _kinds[bucket.Edge.To] = bucket.ToKind;
        }
    }

    /// <summary>
    /// Removes and returns the buckets that start before <paramref name="cutoffNs"/> (the ones the host has
    /// closed: written to the store and judged for anomalies), in time order, then by edge.
    /// </summary>
    public IReadOnlyList<EdgeBucket> TakeBefore(long cutoffNs)
    {
        lock (_lock)
        {
            var taken = new List<EdgeBucket>();
            foreach (var start in _buckets.Keys.TakeWhile(k => k < cutoffNs).ToList())
            {
                _buckets.Remove(start, out var edges);
                taken.AddRange(edges!
                    .OrderBy(e => e.Key.From, StringComparer.Ordinal).ThenBy(e => e.Key.To, StringComparer.Ordinal)
                    .Select(e => new EdgeBucket(start, e.Key, _kinds[e.Key.From], _kinds[e.Key.To], e.Value)));
            }
            return taken;
        }
    }

    /// <summary>The buckets starting in [fromNs, toNs) with their node kinds, as copies, in time order then by edge.</summary>
    public IReadOnlyList<EdgeBucket> EdgeBuckets(long fromNs, long toNs)
    {
        lock (_lock)
        {
            return _buckets.Where(b => b.Key >= fromNs && b.Key < toNs)
                .SelectMany(b => b.Value
                    .OrderBy(e => e.Key.From, StringComparer.Ordinal).ThenBy(e => e.Key.To, StringComparer.Ordinal)
                    .Select(e => new EdgeBucket(b.Key, e.Key, _kinds[e.Key.From], _kinds[e.Key.To], e.Value.Clone())))
                .ToList();
        }
    }

    /// <summary>Each (bucket start, edge, stats) in time order; stats are copies.</summary>
    public IReadOnlyList<(long BucketStartNs, EdgeKey Edge, BucketStats Stats)> Buckets(long fromNs, long toNs)
    {
        lock (_lock)
        {
            return _buckets.Where(b => b.Key >= fromNs && b.Key < toNs)
                .SelectMany(b => b.Value.Select(e => (b.Key, e.Key, e.Value.Clone())))
                .ToList();
        }
    }

    /// <summary>The graph over the buckets starting in [fromNs, toNs); rates are per second of that span.</summary>
    public GraphWindow Window(long fromNs, long toNs)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(toNs, fromNs);
        var merged = new Dictionary<EdgeKey, BucketStats>();
        Dictionary<string, TargetKind> kinds;
        lock (_lock)
        {
            foreach (var (start, edges) in _buckets)
            {
                if (start < fromNs || start >= toNs)
                    continue;
                foreach (var (key, stats) in edges)
                {
                    if (merged.TryGetValue(key, out var sum))
                        sum.Merge(stats);
                    else
                        merged[key] = stats.Clone();
                }
            }
            kinds = new Dictionary<string, TargetKind>(_kinds, StringComparer.Ordinal);
        }
        return Summarise(fromNs, toNs, merged, kinds);
    }

    /// <summary>
    /// Heap bytes held: each edge-bucket's stats and sketch; each per-bucket dictionary's own objects and its slots
    /// at their capacity (hash, next, key of two references, value: 32 bytes, plus a 4-byte bucket index); and the node
    /// kinds (24 + 4 bytes a slot).
    /// </summary>
    public long HeapBytes()
    {
        lock (_lock)
        {
            var kinds = 80L + _kinds.EnsureCapacity(0) * 28L;
            return kinds + _buckets.Values.Sum(edges => 200L + edges.EnsureCapacity(0) * 36L + edges.Values.Sum(stats => (long)stats.HeapBytes));
        }
    }

    /// <summary>Edge-buckets held.</summary>
    public int EdgeBucketCount()
    {
        lock (_lock)
            return _buckets.Values.Sum(edges => edges.Count);
    }

    /// <summary>Forgets buckets that start before the cutoff; returns how many went.</summary>
    public int DropBefore(long cutoffNs)
    {
        lock (_lock)
        {
            var old = _buckets.Keys.TakeWhile(k => k < cutoffNs).ToList();
            foreach (var key in old)
                _buckets.Remove(key);
            return old.Count;
        }
    }

    private static GraphWindow Summarise(long fromNs, long toNs, Dictionary<EdgeKey, BucketStats> merged, Dictionary<string, TargetKind> kinds)
    {
        var windowNs = toNs - fromNs;
        var edges = merged
            .OrderBy(e => e.Key.From, StringComparer.Ordinal).ThenBy(e => e.Key.To, StringComparer.Ordinal)
            .Select(e => new EdgeSummary(e.Key, kinds[e.Key.To], WindowMetrics.From(e.Value, windowNs)))
            .ToList();

        var incoming = new Dictionary<string, BucketStats>(StringComparer.Ordinal);
        var outgoing = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var (key, stats) in merged)
        {
            if (incoming.TryGetValue(key.To, out var sum))
                sum.Merge(stats);
            else
                incoming[key.To] = stats.Clone();
            incoming.TryAdd(key.From, new BucketStats());
            outgoing[key.From] = outgoing.GetValueOrDefault(key.From) + stats.Calls;
        }
        var nodes = incoming
            .OrderBy(n => n.Key, StringComparer.Ordinal)
            .Select(n => new NodeSummary(n.Key, kinds[n.Key], WindowMetrics.From(n.Value, windowNs), outgoing.GetValueOrDefault(n.Key)))
            .ToList();
        return new GraphWindow(fromNs, toNs, edges, nodes);
    }
}
