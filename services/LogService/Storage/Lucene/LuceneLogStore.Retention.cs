using Lucene.Net.Search;

namespace AirisEpm.LogService.Storage.Lucene;

public sealed partial class LuceneLogStore
{
    /// <summary>
    /// Commits first (so the WAL holds nothing older that a replay could bring back), then closes and
    /// deletes every partition whose window ends at or before the cutoff, and deletes by range inside a
    /// partition that straddles it. Returns the records removed.
    /// </summary>
    public async Task<long> DeleteBeforeAsync(long cutoffNs, CancellationToken cancellationToken)
    {
        await WaitAppliedAsync(cancellationToken).ConfigureAwait(false); // records acknowledged before the call are deleted too
        await CommitAsync().ConfigureAwait(false);
        var expired = new List<LogPartition>();
        long deleted = 0;
        _lifecycle.EnterWriteLock();
        try
        {
            foreach (var partition in Partitions.All().Where(p => p.EndNs <= cutoffNs))
            {
                deleted += partition.Count();
                partition.Close();
                Partitions.Remove(partition);
                expired.Add(partition);
            }
        }
        finally
        {
            _lifecycle.ExitWriteLock();
        }

        foreach (var partition in expired)
        {
            Directory.Delete(partition.Path, recursive: true);
        }

        var older = new TimeRangeQuery(null, cutoffNs, true, false);
        ReadLocked(() =>
        {
            foreach (var partition in Partitions.All().Where(p => p.StartNs < cutoffNs && p.EndNs > cutoffNs))
            {
                var searcher = partition.AcquireFresh();
                try
                {
                    deleted += searcher.Search(older, 1).TotalHits;
                }
                finally
                {
                    partition.Release(searcher);
                }

                partition.Delete(older);
                partition.Commit();
            }
        });
        return deleted;
    }
}
