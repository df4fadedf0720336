namespace AirisEpm.LogService.Storage.Lucene;

/// <summary>
/// The open partitions of the data folder, keyed by start. A record goes to the partition whose window
/// holds its timestamp, or to a new one of the configured width aligned on the Unix epoch (so day
/// partitions are UTC days).
/// </summary>
internal sealed class LogPartitions(string dataPath, long widthNs) : IDisposable
{
    // Guards _partitions: held to look up, add, remove or list partitions, never while indexing or searching.
    private readonly Lock _gate = new();

    // Few (tens) and ordered by start; after a change of width two may share a start, hence a list.
    private readonly List<LogPartition> _partitions = [];

    public void OpenExisting()
    {
        foreach (var folder in Directory.EnumerateDirectories(dataPath))
        {
            if (LogPartition.TryOpen(folder) is { } partition)
            {
                lock (_gate)
                {
                    Insert(partition);
                }
            }
        }
    }

    public LogPartition For(long timestampNs)
    {
        lock (_gate)
        {
            // Scanning from the newest finds the usual target (the current window) first.
            for (var i = _partitions.Count - 1; i >= 0; i--)
            {
                var candidate = _partitions[i];
                if (candidate.StartNs <= timestampNs && timestampNs < candidate.EndNs)
                {
                    return candidate;
                }
            }

            var start = FloorDiv(timestampNs, widthNs) * widthNs;
            var partition = LogPartition.Create(dataPath, start, widthNs);
            Insert(partition);
            return partition;
        }
    }

    /// <summary>The partitions overlapping [startNs, endNs), newest window end first.</summary>
    public IReadOnlyList<LogPartition> Overlapping(long startNs, long endNs)
    {
        lock (_gate)
        {
            return _partitions.Where(p => p.Overlaps(startNs, endNs)).OrderByDescending(p => p.EndNs).ToList();
        }
    }

    public IReadOnlyList<LogPartition> All()
    {
        lock (_gate)
        {
            return [.. _partitions];
        }
    }

    public void Remove(LogPartition partition)
    {
        lock (_gate)
        {
            _partitions.Remove(partition);
        }
    }

    public void Dispose()
    {
        foreach (var partition in All())
        {
            partition.Dispose();
        }
    }

    private void Insert(LogPartition partition)
    {
        var at = _partitions.FindIndex(p => p.StartNs > partition.StartNs);
        _partitions.Insert(at < 0 ? _partitions.Count : at, partition);
    }

    private static long FloorDiv(long value, long divisor) => (value / divisor) - (value % divisor < 0 ? 1 : 0);
}
