namespace AirisEpm.LogService.Patterns;

/// <summary>
/// Pattern ids to clusters: each cluster's current id, and the ids it had before its template generalised
/// (aliases), so an id handed out earlier still resolves to the pattern that absorbed it. An id is in at
/// most one of the two maps. A cluster keeps at most <c>maxAliases</c> former ids (oldest forgotten first),
/// and an evicted cluster takes its aliases with it, so the index is bounded by the cluster count.
/// Not thread-safe: used under <see cref="PatternMiner"/>'s lock.
/// </summary>
internal sealed class PatternIndex(int maxAliases)
{
    private readonly Dictionary<string, LogCluster> _current = new(StringComparer.Ordinal);
    private readonly Dictionary<string, LogCluster> _former = new(StringComparer.Ordinal);

    public int Count => _current.Count;

    public int AliasCount => _former.Count;

    public IEnumerable<LogCluster> Clusters => _current.Values;

    /// <summary>The cluster that has, or had, this id.</summary>
    public LogCluster? Find(string id) =>
        _current.TryGetValue(id, out var cluster) || _former.TryGetValue(id, out cluster) ? cluster : null;

    public void Add(LogCluster cluster) => _current[cluster.Id] = cluster;

    /// <summary>Forgets a cluster and its aliases.</summary>
    public void Remove(LogCluster cluster)
    {
        _current.Remove(cluster.Id);
        foreach (var id in cluster.FormerIds ?? [])
        {
            _former.Remove(id);
        }

        cluster.FormerIds = null;
    }

    /// <summary>Records that <paramref name="cluster"/>, whose template and id just changed, answered to <paramref name="oldId"/>.</summary>
    public void Renamed(LogCluster cluster, string oldId)
    {
        _current.Remove(oldId);
        _current[cluster.Id] = cluster;
        Remember(cluster, oldId);
    }

    /// <summary>Hands <paramref name="from"/>'s current and former ids to <paramref name="into"/>, which absorbed it.</summary>
    public void Folded(LogCluster from, LogCluster into)
    {
        _current.Remove(from.Id);
        foreach (var id in from.FormerIds ?? [])
        {
            Remember(into, id);
        }

        Remember(into, from.Id);
        from.FormerIds = null;
    }

    private void Remember(LogCluster cluster, string formerId)
    {
        if (maxAliases == 0)
        {
            _former.Remove(formerId);
            return;
        }

        var ids = cluster.FormerIds ??= new Queue<string>();
        if (ids.Count == maxAliases)
        {
            _former.Remove(ids.Dequeue());
        }

        ids.Enqueue(formerId);
        _former[formerId] = cluster;
    }
}
