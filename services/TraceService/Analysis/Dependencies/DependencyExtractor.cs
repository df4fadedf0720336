using AirisEpm.TraceService.Domain;

namespace AirisEpm.TraceService.Analysis.Dependencies;

/// <summary>
/// Finds calls between services on the ingest path, as spans arrive, in batches, in any order and
/// possibly split over several requests. A call is a parent span and a child span of different
/// services (a client and its server, a producer and its consumer, or any other cross-service pair when
/// the caller has no client span), found when the second of the two arrives: each span is looked up
/// by its parent's (trace id, span id), and a span that arrives before its parent waits in an index
/// its parent will look at. A client or producer span that has no child after
/// <see cref="DependencyExtractorOptions.MatchWaitNs"/> is a call to an uninstrumented peer, a virtual
/// node named by <see cref="PeerName"/>. Each call is counted once: a retransmitted span (same id) is
/// ignored, and a child arriving after its caller was counted as virtual is only counted in the stats.
/// <para>
/// Memory is bounded by <see cref="RecentSpans"/> (retention and capacity, see the options). Time is
/// the caller's arrival clock (<c>nowNs</c>), never the spans' own timestamps, which may be skewed or
/// hours old. Calls whose wait has ended are returned by the next <see cref="Observe"/> or
/// <see cref="Flush"/>, so the host should call <see cref="Flush"/> on a timer when ingest is quiet.
/// One lock; O(1) amortised per span. With several replicas each receiving part of a trace's spans, set
/// <see cref="DependencyExtractorOptions.ShareDelayNs"/>: what one replica cannot pair is handed off
/// (<see cref="TakeShared"/>) and paired in the replicas' shared state (<see cref="SharedPair"/>), so a call is
/// still counted once; a cross-service child of a span that is not a client or producer is then paired only when
/// both reach one replica.
/// </para>
/// </summary>
public sealed class DependencyExtractor
{
    private readonly DependencyExtractorOptions _options;
    private readonly RecentSpans _recent;
    private readonly Queue<SeenSpan> _awaitingPeer = new();
    private readonly Queue<SeenSpan> _awaitingParent = new();
    private readonly List<CallHalf> _shared = [];
    private readonly NamePool _names = new();
    private readonly List<SeenSpan> _evicted = [];
    private readonly Lock _lock = new();
    private long _sequence;
    private long _matched;
    private long _virtual;
    private long _unnamed;
    private long _late;
    private long _evictedUndecided;
    private long _duplicates;
    private long _entries;
    private long _sharedCount;

    public DependencyExtractor(DependencyExtractorOptions? options = null)
    {
        _options = options ?? DependencyExtractorOptions.Default;
        _options.Validate();
        _recent = new RecentSpans(_options.RetentionNs, _options.Capacity);
    }

    public DependencyExtractorStats Stats
    {
        get
        {
            lock (_lock)
                return new DependencyExtractorStats(_matched, _virtual, _unnamed, _late, _evictedUndecided, _duplicates, _recent.Count, _entries, _sharedCount,
                    _awaitingPeer.Count + _awaitingParent.Count);
        }
    }

    /// <summary>Takes in spans that arrived at <paramref name="nowNs"/>; returns the calls now known.</summary>
    public IReadOnlyList<ServiceCall> Observe(IEnumerable<Span> spans, long nowNs)
    {
        var calls = new List<ServiceCall>();
        lock (_lock)
        {
            Expire(nowNs, calls);
            foreach (var span in spans)
                Take(span, nowNs, calls);
        }
        return calls;
    }

    /// <summary>Returns the calls to virtual peers whose wait has ended by <paramref name="nowNs"/>, and forgets expired spans.</summary>
    public IReadOnlyList<ServiceCall> Flush(long nowNs)
    {
        var calls = new List<ServiceCall>();
        lock (_lock)
            Expire(nowNs, calls);
        return calls;
    }

    /// <summary>The halves handed off since the last call (only with <see cref="DependencyExtractorOptions.ShareDelayNs"/>), oldest first.</summary>
    public IReadOnlyList<CallHalf> TakeShared()
    {
        lock (_lock)
        {
            if (_shared.Count == 0) return [];
            var taken = _shared.ToList();
            _shared.Clear();
            return taken;
        }
    }

    private void Take(Span span, long nowNs, List<ServiceCall> calls)
    {
        var seen = new SeenSpan(span, _sequence++, nowNs, _names);
        if (_recent.Contains(seen.Key))
        {
            _duplicates++;
            return;
        }
        _recent.Add(seen, _evicted);
        CountEvicted();
        if (_options.EntryCaller is { } entry && seen.ParentKey is null && seen.Kind is SpanKind.Server or SpanKind.Consumer)
        {
            _entries++;
            calls.Add(new ServiceCall(entry, seen.Service, TargetKind.Service, seen.DurationNs, seen.IsError, seen.Key.TraceId, seen.StartNs, TargetKind.External));
        }

        if (seen.ParentKey is { } parentKey && parentKey != seen.Key)
        {
            if (_recent.Find(parentKey) is { } parent)
            {
                Pair(parent, seen, calls);
            }
            else
            {
                _recent.WaitForParent(seen);
                if (_options.ShareDelayNs is not null && seen.Kind is SpanKind.Server or SpanKind.Consumer)
                    _awaitingParent.Enqueue(seen);
            }
        }
        if (_recent.TakeWaitingChildren(seen.Key) is { } children)
        {
            foreach (var child in children)
                Pair(seen, child, calls);
        }
        if (seen.AwaitsPeerDecision)
            _awaitingPeer.Enqueue(seen);
    }

    private void Pair(SeenSpan parent, SeenSpan child, List<ServiceCall> calls)
    {
        parent.HasChild = true;
        if (string.Equals(parent.Service, child.Service, StringComparison.Ordinal))
            return;
        if (parent.Shared)
        {
            // Its caller half is in the shared state already, which decides whether this child still counts.
            Share(new CalleeHalf(child.Key.TraceId, parent.Key.SpanId, child.Key.SpanId, child.Service, child.IsError, child.DurationNs));
            return;
        }
        if (parent.CountedVirtual)
        {
            _late++;
            return;
        }
        _matched++;
        var callerFailed = parent.Kind is SpanKind.Client or SpanKind.Producer && parent.IsError;
        calls.Add(new ServiceCall(parent.Service, child.Service, TargetKind.Service, child.DurationNs,
            child.IsError || callerFailed, child.Key.TraceId, parent.StartNs));
    }

    private void Expire(long nowNs, List<ServiceCall> calls)
    {
        while (_awaitingPeer.TryPeek(out var caller) && caller.ArrivedNs + _options.MatchWaitNs <= nowNs)
        {
            _awaitingPeer.Dequeue();
            if (!ReferenceEquals(_recent.Find(caller.Key), caller) || !caller.AwaitsPeerDecision)
                continue;
            if (_options.ShareDelayNs is not null && caller.Peer?.Kind != TargetKind.Database)
            {
                caller.Shared = true;
                Share(new CallerHalf(caller.Key.TraceId, caller.Key.SpanId, caller.Service, caller.Kind, caller.IsError, caller.StartNs, caller.DurationNs,
                    caller.Peer?.Name, caller.Peer?.Kind ?? TargetKind.Service));
                continue;
            }
            if (caller.Peer is not { } peer)
            {
                _unnamed++;
                continue;
            }
            caller.CountedVirtual = true;
            _virtual++;
            calls.Add(new ServiceCall(caller.Service, peer.Name, peer.Kind, caller.DurationNs, caller.IsError, caller.Key.TraceId, caller.StartNs));
        }
        while (_options.ShareDelayNs is { } delay && _awaitingParent.TryPeek(out var callee) && callee.ArrivedNs + delay <= nowNs)
        {
            _awaitingParent.Dequeue();
            if (callee.WaitingForParent && _recent.StopWaiting(callee))
                Share(new CalleeHalf(callee.Key.TraceId, callee.ParentKey!.Value.SpanId, callee.Key.SpanId, callee.Service, callee.IsError, callee.DurationNs));
        }
        _recent.EvictExpired(nowNs, _evicted);
        CountEvicted();
    }

    private void Share(CallHalf half)
    {
        _shared.Add(half);
        _sharedCount++;
    }

    private void CountEvicted()
    {
        if (_evicted.Count == 0)
            return;
        foreach (var span in _evicted)
        {
            if (span.AwaitsPeerDecision && span.Peer is not null)
                _evictedUndecided++;
        }
        _evicted.Clear();
        // Spans leave the memory in arrival order, the order of both queues: what was pushed out is at their fronts, and
        // would otherwise stay referenced there until its wait ended (at 60,000 spans/s that was 1.6 million spans).
        while (_awaitingPeer.TryPeek(out var caller) && (!ReferenceEquals(_recent.Find(caller.Key), caller) || !caller.AwaitsPeerDecision))
            _awaitingPeer.Dequeue();
        while (_awaitingParent.TryPeek(out var callee) && !callee.WaitingForParent)
            _awaitingParent.Dequeue();
    }
}
