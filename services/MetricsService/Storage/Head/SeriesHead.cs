namespace AirisEpm.MetricsService.Storage.Head;

/// <summary>
/// The most recent samples of one series, in time order, with <see cref="FloorMs"/>: every stored sample of the
/// series at or after the floor is here, and none before it is. Appends are amortised O(1) (a full buffer drops its
/// oldest quarter in one copy, raising the floor past them); a sample older than the newest is inserted in place, one
/// at the same time replaces it, one before the floor is ignored (the store alone keeps it). Not thread-safe: the
/// <see cref="HeadBlock"/> serialises writers against readers.
/// </summary>
internal sealed class SeriesHead(long floorMs)
{
    private long[] _ts = [];
    private double[] _values = [];
    private int _count;

    public long FloorMs { get; private set; } = floorMs;

    public int Count => _count;

    public long NewestMs => _count == 0 ? long.MinValue : _ts[_count - 1];

    public void Append(long ts, double value, int maxSamples, long windowMs)
    {
        if (ts < FloorMs)
        {
            return;
        }

        if (_count == 0 || ts > _ts[_count - 1])
        {
            MakeRoom(ts, maxSamples, windowMs);
            if (ts < FloorMs)
            {
                return;
            }

            _ts[_count] = ts;
            _values[_count++] = value;
            return;
        }

        var at = Array.BinarySearch(_ts, 0, _count, ts);
        if (at >= 0)
        {
            _values[at] = value;
            return;
        }

        MakeRoom(_ts[_count - 1], maxSamples, windowMs);
        at = ~Array.BinarySearch(_ts, 0, _count, ts);
        if (ts < FloorMs)
        {
            return;
        }

        Array.Copy(_ts, at, _ts, at + 1, _count - at);
        Array.Copy(_values, at, _values, at + 1, _count - at);
        _ts[at] = ts;
        _values[at] = value;
        _count++;
    }

    /// <summary>Copies the samples in [startMs, endMs] (the caller has checked the floor); empty arrays when none.</summary>
    public (long[] Ts, double[] Values) Copy(long startMs, long endMs)
    {
        var from = Lower(startMs);
        var to = Lower(endMs == long.MaxValue ? endMs : endMs + 1);
        return to <= from ? ([], []) : (_ts[from..to], _values[from..to]);
    }

    /// <summary>Drops samples before <paramref name="cutoffMs"/> (the store deleted them): the floor stays true.</summary>
    public void DropBefore(long cutoffMs) => Drop(Lower(cutoffMs), raiseFloor: false);

    /// <summary>Room for one more sample: first samples older than the window before <paramref name="newestMs"/>, then growth up to the cap, then the oldest quarter.</summary>
    private void MakeRoom(long newestMs, int maxSamples, long windowMs)
    {
        if (_count < _ts.Length)
        {
            return;
        }

        if (newestMs - windowMs > FloorMs)
        {
            Drop(Lower(newestMs - windowMs), raiseFloor: true);
        }

        if (_count < _ts.Length)
        {
            return;
        }

        if (_ts.Length < maxSamples)
        {
            var size = Math.Min(maxSamples, Math.Max(4, _ts.Length * 2));
            Array.Resize(ref _ts, size);
            Array.Resize(ref _values, size);
            return;
        }

        Drop(Math.Max(1, _count / 4), raiseFloor: true);
    }

    private void Drop(int first, bool raiseFloor)
    {
        if (first <= 0)
        {
            return;
        }

        if (raiseFloor)
        {
            FloorMs = Math.Max(FloorMs, _ts[first - 1] + 1);
        }

        _count -= first;
        Array.Copy(_ts, first, _ts, 0, _count);
        Array.Copy(_values, first, _values, 0, _count);
    }

    /// <summary>The index of the first sample at or after <paramref name="ts"/>.</summary>
    private int Lower(long ts)
    {
        var at = Array.BinarySearch(_ts, 0, _count, ts);
        return at >= 0 ? at : ~at;
    }
}
