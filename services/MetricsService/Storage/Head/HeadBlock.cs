using System.Collections.Concurrent;

namespace AirisEpm.MetricsService.Storage.Head;

/// <summary>
/// The embedded store's in-memory head, as Prometheus's head block: the most recent samples of every series
/// (<see cref="SeriesHead"/>, at most <see cref="MetricStoreOptions.HeadMaxSamplesPerSeries"/> each, none older than
/// <see cref="MetricStoreOptions.HeadWindow"/> before the series' newest), so an instant query, a rule's evaluation and
/// the last part of a range query read memory instead of the file. The store's single writer appends each batch
/// once it has committed, and loads the samples since <c>floorMs</c> at start; a series without an entry has nothing
/// stored at or after that floor (it would have an entry otherwise). Each series is locked on its own, for the
/// copy a reader makes or the samples the writer appends: readers of different series never meet, and one series
/// read by many clients at once holds its lock for a copy of a few hundred bytes (a reader-writer lock shared by all
/// series spun most of the CPU away when 32 clients read on two cores).
/// </summary>
internal sealed class HeadBlock(int maxSamplesPerSeries, long windowMs)
{
    private readonly ConcurrentDictionary<long, SeriesHead> _series = new();
    private long _defaultFloorMs = long.MinValue;

    public int SeriesCount => _series.Count;

    /// <summary>Samples loaded at start: each series' samples since <paramref name="floorMs"/>, in time order, and that floor for every other series.</summary>
    public void Load(long floorMs, IEnumerable<SeriesPoints> recent)
    {
        ArgumentNullException.ThrowIfNull(recent);
        Volatile.Write(ref _defaultFloorMs, floorMs);
        foreach (var series in recent)
        {
            var head = Entry(series.SeriesId, isNew: false);
            lock (head)
            {
                for (var i = 0; i < series.Timestamps.Length; i++)
                {
                    head.Append(series.Timestamps[i], series.Values[i], maxSamplesPerSeries, windowMs);
                }
            }
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

        for (var s = 0; s < seriesIds.Length; s++)
        {
            var head = Entry(seriesIds[s], isNew(seriesIds[s]));
            lock (head)
            {
                for (var i = offsets[s]; i < offsets[s + 1]; i++)
                {
                    head.Append(timestamps[i], values[i], maxSamplesPerSeries, windowMs);
                }
            }
        }
    }

    /// <summary>
    /// Hands <paramref name="points"/> each series' samples in [startMs, endMs] that the head holds, and returns the
    /// series that need the file too, each with the time (exclusive) below which the file must supply its samples;
    /// <paramref name="fileEndMs"/> is the last time any of them needs from the file.
    /// </summary>
    public Dictionary<long, long> Read(IEnumerable<long> seriesIds, long startMs, long endMs, SeriesPointsBuilder points, out long fileEndMs)
    {
        ArgumentNullException.ThrowIfNull(seriesIds);
        ArgumentNullException.ThrowIfNull(points);
        var fromFile = new Dictionary<long, long>();
        fileEndMs = long.MinValue;
        foreach (var id in seriesIds)
        {
            var floor = Volatile.Read(ref _defaultFloorMs);
            long[] ts = [];
            double[] values = [];
            if (_series.TryGetValue(id, out var head))
            {
                lock (head)
                {
                    floor = head.FloorMs;
                    if (floor <= endMs)
                    {
                        (ts, values) = head.Copy(Math.Max(startMs, floor), endMs);
                    }
                }
            }

            if (floor > startMs)
            {
                fromFile[id] = floor;
                fileEndMs = Math.Max(fileEndMs, Math.Min(endMs, floor - 1));
            }

            points.SetTail(id, ts, values);
        }

        return fromFile;
    }

    /// <summary>Retention: drops samples before <paramref name="cutoffMs"/>, as the store has deleted them.</summary>
    public void DeleteBefore(long cutoffMs)
    {
        foreach (var head in _series.Values)
        {
            lock (head)
            {
                head.DropBefore(cutoffMs);
            }
        }
    }

    private SeriesHead Entry(long seriesId, bool isNew) =>
        // A new series has nothing stored before its first sample; an old one nothing since the default floor but what is appended now.
        _series.GetOrAdd(seriesId, static (_, floor) => new SeriesHead(floor), isNew ? long.MinValue : Volatile.Read(ref _defaultFloorMs));
}
