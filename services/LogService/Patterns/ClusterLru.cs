namespace AirisEpm.LogService.Patterns;

/// <summary>
/// Clusters from most to least recently matched, as an intrusive doubly linked list (the links live on
/// <see cref="LogCluster"/>), so touching, adding and evicting are O(1) and allocate nothing.
/// Not thread-safe: used under <see cref="PatternMiner"/>'s lock.
/// </summary>
internal sealed class ClusterLru
{
    private LogCluster? _newest;

    /// <summary>The least recently matched cluster, the next to evict.</summary>
    public LogCluster? Oldest { get; private set; }

    public void AddNewest(LogCluster cluster)
    {
        cluster.Older = _newest;
        cluster.Newer = null;
        if (_newest is not null)
        {
            _newest.Newer = cluster;
        }

        _newest = cluster;
        Oldest ??= cluster;
    }

    public void Touch(LogCluster cluster)
    {
        if (!ReferenceEquals(cluster, _newest))
        {
            Remove(cluster);
            AddNewest(cluster);
        }
    }

    public void Remove(LogCluster cluster)
    {
        if (cluster.Newer is null)
        {
            _newest = cluster.Older;
        }
        else
        {
            cluster.Newer.Older = cluster.Older;
        }

        if (cluster.Older is null)
        {
            Oldest = cluster.Newer;
        }
        else
        {
            cluster.Older.Newer = cluster.Newer;
        }

        cluster.Newer = null;
        cluster.Older = null;
    }
}
