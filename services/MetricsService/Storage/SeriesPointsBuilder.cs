namespace AirisEpm.MetricsService.Storage;

/// <summary>
/// Collects a point read's rows, in any order, into one <see cref="SeriesPoints"/> per series: rows are appended to
/// per-series growable arrays, each series is sorted by time only if its rows did not arrive in order (a store that
/// appends samples in time order returns them so for a plain scan), and more rows than the limit throw
/// <see cref="SampleLimitException"/> as soon as they are met. Not thread-safe.
/// </summary>
public sealed class SeriesPointsBuilder(long maxSamples = long.MaxValue)
{
    private readonly Dictionary<long, Run> _runs = [];
    private Run? _last;
    private long _count;

    public long Count => _count;

    public void Add(long seriesId, long ts, double value)
    {
        if (++_count > maxSamples)
        {
            throw new SampleLimitException(maxSamples);
        }

        var run = _last is { } last && last.SeriesId == seriesId ? last : RunOf(seriesId);
        run.Add(ts, value);
        _last = run;
    }

    /// <summary>Adds a run of rows of one series (columns as a columnar reader hands them).</summary>
    public void AddRange(long seriesId, ReadOnlySpan<long> timestamps, ReadOnlySpan<double> values)
    {
        _count += timestamps.Length;
        if (_count > maxSamples)
        {
            throw new SampleLimitException(maxSamples);
        }

        var run = _last is { } last && last.SeriesId == seriesId ? last : RunOf(seriesId);
        run.AddRange(timestamps, values);
        _last = run;
    }

    /// <summary>
    /// The newest samples of a series, read apart (from a store's in-memory head): every row added for the series is
    /// older than the first of them, so they follow those rows as they are.
    /// </summary>
    public void SetTail(long seriesId, long[] timestamps, double[] values)
    {
        if (timestamps.Length == 0)
        {
            return;
        }

        _count += timestamps.Length;
        if (_count > maxSamples)
        {
            throw new SampleLimitException(maxSamples);
        }

        RunOf(seriesId).SetTail(timestamps, values);
    }

    /// <summary>Adds rows whose series ids are a column beside them, in runs of equal ids.</summary>
    public void AddColumns(ReadOnlySpan<long> seriesIds, ReadOnlySpan<long> timestamps, ReadOnlySpan<double> values)
    {
        var start = 0;
        for (var i = 1; i <= seriesIds.Length; i++)
        {
            if (i == seriesIds.Length || seriesIds[i] != seriesIds[start])
            {
                AddRange(seriesIds[start], timestamps[start..i], values[start..i]);
                start = i;
            }
        }
    }

    public IReadOnlyList<SeriesPoints> Build()
    {
        var result = new List<SeriesPoints>(_runs.Count);
        foreach (var run in _runs.Values)
        {
            result.Add(run.ToPoints());
        }

        return result;
    }

    private Run RunOf(long seriesId)
    {
        if (!_runs.TryGetValue(seriesId, out var run))
        {
            _runs[seriesId] = run = new Run(seriesId);
        }

        return run;
    }

    private sealed class Run(long seriesId)
    {
        private long[] _ts = [];
        private double[] _values = [];
        private int _count;
        private bool _ordered = true;
        private long[] _tailTs = [];
        private double[] _tailValues = [];

        public long SeriesId { get; } = seriesId;

        public void Add(long ts, double value)
        {
            Reserve(1);
            _ordered &= _count == 0 || ts > _ts[_count - 1];
            _ts[_count] = ts;
            _values[_count++] = value;
        }

        public void AddRange(ReadOnlySpan<long> timestamps, ReadOnlySpan<double> values)
        {
            if (timestamps.IsEmpty)
            {
                return;
            }

            Reserve(timestamps.Length);
            _ordered &= _count == 0 || timestamps[0] > _ts[_count - 1];
            for (var i = 1; i < timestamps.Length && _ordered; i++)
            {
                _ordered = timestamps[i] > timestamps[i - 1];
            }

            timestamps.CopyTo(_ts.AsSpan(_count));
            values.CopyTo(_values.AsSpan(_count));
            _count += timestamps.Length;
        }

        public void SetTail(long[] timestamps, double[] values) => (_tailTs, _tailValues) = (timestamps, values);

        public SeriesPoints ToPoints()
        {
            if (_count == 0)
            {
                return new SeriesPoints(SeriesId, _tailTs, _tailValues);
            }

            var ts = new long[_count + _tailTs.Length];
            var values = new double[ts.Length];
            _ts.AsSpan(0, _count).CopyTo(ts);
            _values.AsSpan(0, _count).CopyTo(values);
            if (!_ordered)
            {
                Array.Sort(ts, values, 0, _count);
            }

            _tailTs.CopyTo(ts, _count);
            _tailValues.CopyTo(values, _count);
            return new SeriesPoints(SeriesId, ts, values);
        }

        private void Reserve(int more)
        {
            if (_count + more <= _ts.Length)
            {
                return;
            }

            var size = Math.Max(Math.Max(16, _ts.Length * 2), _count + more);
            Array.Resize(ref _ts, size);
            Array.Resize(ref _values, size);
        }
    }
}
