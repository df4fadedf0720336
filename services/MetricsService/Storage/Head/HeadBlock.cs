namespace AirisEpm.MetricsService.Storage.Head;

/// <summary>
/// The embedded store's in-memory head, as Prometheus's head block: the most recent samples of every series
/// (<see cref="SeriesHead"/>, at most <see cref="MetricStoreOptions.HeadMaxSamplesPerSeries"/> each, none older than
/// <see cref="MetricStoreOptions.HeadWindow"/> before the series' newest), so an instant query, a rule's evaluation and
/// the last part of a range query read memory instead of the file. The store's single writer appends each batch
/// once it has committed, and loads the samples since <c>floorMs</c> at start; a series without an entry has nothing
/// stored at or after that floor (it would have an entry otherwise). Readers copy what they need under a read lock,
/// the writer takes the write lock once per batch.
/// </summary>
internal sealed class HeadBlock(int maxSamplesPerSeries, long windowMs) : IDisposable
{
    private readonly Dictionary<long, SeriesHead> _series = [];
    private readonly ReaderWriterLockSlim _gate = new();
    private long _defaultFloorMs = long.MinValue;

    public int SeriesCount
    {
        get
        {
            _gate.EnterReadLock();
            try
            {
                return _series.Count;
            }
            finally
            {
                _gate.ExitReadLock();
            }
        }
    }

    /// <summary>Samples loaded at start: each series' samples since <paramref name="floorMs"/>, in time order, and that floor for every other series.</summary>
    public void Load(long floorMs, IEnumerable<SeriesPoints> recent)
    {
        _gate.EnterWriteLock();
        try
        {
            _defaultFloorMs = floorMs;
            foreach (var series in recent)
            {
                var head = Entry(series.SeriesId, isNew: false);
                for (var i = 0; i < series.Timestamps.Length; i++)
                {
                    head.Append(series.Timestamps[i], series.Values[i], maxSamplesPerSeries, windowMs);
                }
            }
        }
        finally
        {
            _gate.ExitWriteLock();
        }
    }

    /// <summary>
    /// A committed batch: per series (<paramref name="seriesIds"/>), its samples at <c>offsets[s]</c> to
    /// <c>offsets[s + 1] - 1</c>, in time order; <paramref name="isNew"/> tells series the store had never held.
    /// </summary>
    public void Append(ReadOnlySpan<long> seriesIds, ReadOnlySpan<int> offsets, ReadOnlySpan<long> timestamps, ReadOnlySpan<double> values, Func<long, bool> isNew)
    {
        ArgumentNullException.ThrowIfNull(isNew);
        if (maxSamplesPerSeries == 0)
        {
            return;
        }

        _gate.EnterWriteLock();
        try
        {
            for (var s = 0; s < seriesIds.Length; s++)
            {
                var head = Entry(seriesIds[s], isNew(seriesIds[s]));
                for (var i = offsets[s]; i < offsets[s + 1]; i++)
                {
                    head.Append(timestamps[i], values[i], maxSamplesPerSeries, windowMs);
                }
            }
        }
        finally
        {
            _gate.ExitWriteLock();
        }
    }

    /// <summary>
    /// Hands <paramref name="points"/> each series' samples in [startMs, endMs] that the head holds, and returns the
    /// series that need the file too, each with the time (exclusive) below which the file must supply its samples;
    /// <paramref name="fileEndMs"/> is the last time any of them needs from the file.
    /// </summary>
    public Dictionary<long, long> Read(IEnumerable<long> seriesIds, long startMs, long endMs, SeriesPointsBuilder points, out long fileEndMs)
    {
        var fromFile = new Dictionary<long, long>();
        fileEndMs = long.MinValue;
        _gate.EnterReadLock();
        try
        {
            foreach (var id in seriesIds)
            {
                var head = _series.GetValueOrDefault(id);
                var floor = head?.FloorMs ?? _defaultFloorMs;
                if (floor > startMs)
                {
                    fromFile[id] = floor;
                    fileEndMs = Math.Max(fileEndMs, Math.Min(endMs, floor - 1));
                }

                if (head is not null && floor <= endMs)
                {
                    var (ts, values) = head.Copy(Math.Max(startMs, floor), endMs);
                    points.SetTail(id, ts, values);
                }
            }
        }
        finally
        {
            _gate.ExitReadLock();
        }

        return fromFile;
    }

    /// <summary>Retention: drops samples before <paramref name="cutoffMs"/>, as the store has deleted them.</summary>
    public void DeleteBefore(long cutoffMs)
    {
        _gate.EnterWriteLock();
        try
        {
            foreach (var head in _series.Values)
            {
                head.DropBefore(cutoffMs);
            }
        }
        finally
        {
            _gate.ExitWriteLock();
        }
    }

    public void Dispose() => _gate.Dispose();

    private SeriesHead Entry(long seriesId, bool isNew)
    {
        if (!_series.TryGetValue(seriesId, out var head))
        {
            // A new series has nothing stored before its first sample; an old one nothing since the default floor but what is appended now.
            _series[seriesId] = head = new SeriesHead(isNew ? long.MinValue : _defaultFloorMs);
        }

        return head;
    }
}
