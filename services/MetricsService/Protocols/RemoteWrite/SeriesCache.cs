using System.Collections.Concurrent;
using System.IO.Hashing;
using AirisEpm.MetricsService.Domain;

namespace AirisEpm.MetricsService.Protocols.RemoteWrite;

/// <summary>
/// The series a remote_write sender keeps sending, keyed by the raw bytes of their labels as they came off the wire:
/// a sender encodes a series' labels the same way every time, so a hit skips decoding label strings, sorting,
/// validating and hashing them, and every sample of the series shares one name, one <see cref="LabelSet"/> and one
/// series id with the store's catalog. Bounded in two generations: once the current one holds half of
/// <c>capacity</c> it becomes the previous one (the one before is dropped) and a hit there moves the series back
/// into the current one, so series that stopped being sent age out and memory stays under <c>capacity</c> entries.
/// Lock-free lookups; a 64-bit hash collision is caught by comparing the bytes.
/// </summary>
internal sealed class SeriesCache(int capacity)
{
    private volatile ConcurrentDictionary<ulong, CachedSeries> _current = new();
    private volatile ConcurrentDictionary<ulong, CachedSeries> _previous = new();
    private readonly Lock _rotation = new();

    /// <summary>Series held in both generations.</summary>
    public int Count => _current.Count + _previous.Count;

    public bool TryGet(ReadOnlySpan<byte> rawLabels, out CachedSeries series)
    {
        var hash = XxHash3.HashToUInt64(rawLabels);
        if (_current.TryGetValue(hash, out series!) && series.RawLabels.AsSpan().SequenceEqual(rawLabels))
        {
            return true;
        }

        if (_previous.TryGetValue(hash, out series!) && series.RawLabels.AsSpan().SequenceEqual(rawLabels))
        {
            Add(hash, series);
            return true;
        }

        series = null!;
        return false;
    }

    public void Add(ReadOnlySpan<byte> rawLabels, string name, LabelSet labels) =>
        Add(XxHash3.HashToUInt64(rawLabels), new CachedSeries(rawLabels.ToArray(), name, labels, labels.SeriesId(name)));

    private void Add(ulong hash, CachedSeries series)
    {
        if (capacity <= 0)
        {
            return;
        }

        var current = _current;
        current[hash] = series;
        if (current.Count >= Math.Max(1, capacity / 2))
        {
            lock (_rotation)
            {
                if (ReferenceEquals(current, _current))
                {
                    _previous = current;
                    _current = new ConcurrentDictionary<ulong, CachedSeries>();
                }
            }
        }
    }
}

/// <summary>A decoded, validated series: its raw label bytes (the cache key), name, labels and series id.</summary>
internal sealed record CachedSeries(byte[] RawLabels, string Name, LabelSet Labels, long SeriesId);
