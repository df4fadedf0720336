using AirisEpm.LogService.Domain;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace AirisEpm.LogService.Storage.Lucene;

/// <summary>
/// Which records the partitions already hold, for the two paths that may index a record twice: the WAL replay at
/// start (the last commit may already hold what the WAL still has) and the retry of a failed apply (part of the batch
/// may be in the writer). A record is held when its (timestamp, id) key (<see cref="TimeIdKey"/>) is in the partition
/// as of the first look at it (one binary search of each segment's keys), or was added through <see cref="Add"/>
/// since. A deleted document counts as held: the store deletes only for retention, and a record retention deleted
/// is not brought back. Not thread-safe; dispose it to release the searchers it holds.
/// </summary>
internal sealed class AlreadyIndexed : IDisposable
{
    private readonly Dictionary<LogPartition, (IndexSearcher Searcher, List<SortedDocValues> Keys)> _seen = [];
    private readonly HashSet<(long, string)> _added = [];
    private readonly BytesRef _key = new(32);

    /// <summary>Adds <paramref name="document"/> (built from <paramref name="record"/>) unless its partition holds the record; returns whether it did.</summary>
    public bool Add(LogPartition partition, LogRecord record, Func<Document> document)
    {
        if (Holds(partition, record) || !_added.Add((record.TimestampNs, record.Id)))
        {
            return false;
        }

        partition.Add(document());
        return true;
    }

    public void Dispose()
    {
        foreach (var (partition, (searcher, _)) in _seen)
        {
            partition.Release(searcher);
        }

        _seen.Clear();
    }

    private bool Holds(LogPartition partition, LogRecord record)
    {
        if (!_seen.TryGetValue(partition, out var seen))
        {
            var searcher = partition.AcquireFresh();
            seen = (searcher, searcher.IndexReader.Leaves.Select(l => l.AtomicReader.GetSortedDocValues(TimeIdKey.Field)).OfType<SortedDocValues>().ToList());
            _seen.Add(partition, seen);
        }

        TimeIdKey.Write(_key, record.TimestampNs, record.Id);
        foreach (var keys in seen.Keys)
        {
            if (keys.LookupTerm(_key) >= 0)
            {
                return true;
            }
        }

        return false;
    }
}
