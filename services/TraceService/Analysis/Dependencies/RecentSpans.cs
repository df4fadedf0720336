namespace AirisEpm.TraceService.Analysis.Dependencies;

/// <summary>
/// The bounded, time-evicted memory of recent spans by (trace id, span id), with an index of
/// children whose parent has not arrived yet. Entries leave in arrival order, when older than the
/// retention or when the capacity is reached, so eviction is O(1) amortised per span. Not thread-safe:
/// <see cref="DependencyExtractor"/> holds its lock around every call.
/// </summary>
internal sealed class RecentSpans(long retentionNs, int capacity)
{
    private readonly Dictionary<SpanKey, SeenSpan> _byKey = [];
    private readonly Dictionary<SpanKey, List<SeenSpan>> _waitingForParent = [];
    private readonly Queue<SeenSpan> _arrivals = new();

    public int Count => _byKey.Count;

    public bool Contains(SpanKey key) => _byKey.ContainsKey(key);

    public SeenSpan? Find(SpanKey key) => _byKey.GetValueOrDefault(key);

    /// <summary>Adds the span; returns the spans pushed out to make room (callers may still care about them).</summary>
    public void Add(SeenSpan span, List<SeenSpan> evicted)
    {
        _byKey[span.Key] = span;
        _arrivals.Enqueue(span);
        while (_byKey.Count > capacity)
            EvictOldest(evicted);
    }

    public void WaitForParent(SeenSpan child)
    {
        var parentKey = child.ParentKey!.Value;
        if (!_waitingForParent.TryGetValue(parentKey, out var waiting))
            _waitingForParent[parentKey] = waiting = [];
        waiting.Add(child);
        child.WaitingForParent = true;
    }

    /// <summary>Stops <paramref name="child"/> waiting for its parent here; false when it no longer waits (paired or evicted).</summary>
    public bool StopWaiting(SeenSpan child)
    {
        var parentKey = child.ParentKey!.Value;
        if (!_waitingForParent.TryGetValue(parentKey, out var siblings) || !siblings.Remove(child)) return false;
        if (siblings.Count == 0) _waitingForParent.Remove(parentKey);
        child.WaitingForParent = false;
        return true;
    }

    public List<SeenSpan>? TakeWaitingChildren(SpanKey parentKey)
    {
        if (!_waitingForParent.Remove(parentKey, out var waiting)) return null;
        foreach (var child in waiting) child.WaitingForParent = false;
        return waiting;
    }

    public void EvictExpired(long nowNs, List<SeenSpan> evicted)
    {
        while (_arrivals.TryPeek(out var oldest) && oldest.ArrivedNs + retentionNs <= nowNs)
            EvictOldest(evicted);
    }

    private void EvictOldest(List<SeenSpan> evicted)
    {
        var oldest = _arrivals.Dequeue();
        if (!_byKey.TryGetValue(oldest.Key, out var current) || current.Sequence != oldest.Sequence)
            return;
        _byKey.Remove(oldest.Key);
        if (oldest.ParentKey is { } parentKey && _waitingForParent.TryGetValue(parentKey, out var siblings))
        {
            siblings.Remove(oldest);
            if (siblings.Count == 0)
                _waitingForParent.Remove(parentKey);
        }
        oldest.WaitingForParent = false;
        evicted.Add(oldest);
    }
}
