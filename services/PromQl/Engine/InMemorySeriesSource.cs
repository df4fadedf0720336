using AirisEpm.PromQl.Model;

namespace AirisEpm.PromQl.Engine;

/// <summary>
/// Series held in memory, for tests, the PromQL test-script runner and benchmarks. Samples of a series are
/// kept in time order (a sample at an existing time replaces it); selects return views of immutable arrays,
/// so a query is never disturbed by later writes. Thread-safe.
/// </summary>
public sealed class InMemorySeriesSource : ISeriesSource
{
    private readonly Lock _lock = new();
    private readonly Dictionary<LabelSet, SeriesBuffer> _series = [];
    private readonly List<SelectHints> _selects = [];

    /// <summary>Every select asked so far, in order (a query asks once per selector).</summary>
    public IReadOnlyList<SelectHints> Selects
    {
        get
        {
            lock (_lock)
            {
                return [.. _selects];
            }
        }
    }

    public int SeriesCount
    {
        get
        {
            lock (_lock)
            {
                return _series.Count;
            }
        }
    }

    public void Add(LabelSet labels, long timeMs, double value) => Add(labels, [new Point(timeMs, value)]);

    public void Add(LabelSet labels, IEnumerable<Point> points)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(points);
        lock (_lock)
        {
            if (!_series.TryGetValue(labels, out var buffer))
            {
                buffer = new SeriesBuffer();
                _series[labels] = buffer;
            }

            foreach (var point in points)
            {
                buffer.Put(point);
            }
        }
    }

    /// <summary>Removes every series (the test scripts' <c>clear</c>).</summary>
    public void Clear()
    {
        lock (_lock)
        {
            _series.Clear();
            _selects.Clear();
        }
    }

    public Task<IReadOnlyList<Series>> SelectAsync(IReadOnlyList<Matcher> matchers, SelectHints hints, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(matchers);
        ArgumentNullException.ThrowIfNull(hints);
        cancellationToken.ThrowIfCancellationRequested();
        var result = new List<Series>();
        lock (_lock)
        {
            _selects.Add(hints);
            foreach (var (labels, buffer) in _series)
            {
                if (!MatchesAll(matchers, labels))
                {
                    continue;
                }

                var window = buffer.Window(hints.StartMs, hints.EndMs);
                if (window.Count > 0)
                {
                    result.Add(new Series(labels, window));
                }
            }
        }

        return Task.FromResult<IReadOnlyList<Series>>(result);
    }

    private static bool MatchesAll(IReadOnlyList<Matcher> matchers, LabelSet labels)
    {
        foreach (var matcher in matchers)
        {
            if (!matcher.Matches(labels))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>One series' points: appends past the end go in place (readers only see up to their count); anything else copies.</summary>
    private sealed class SeriesBuffer
    {
        private Point[] _points = new Point[16];
        private int _count;

        public void Put(Point point)
        {
            if (_count == 0 || point.T > _points[_count - 1].T)
            {
                if (_count == _points.Length)
                {
                    Array.Resize(ref _points, _points.Length * 2);
                }

                _points[_count++] = point;
                return;
            }

            var index = Array.BinarySearch(_points, 0, _count, point, TimeOrder.Instance);
            var copy = new Point[Math.Max(_points.Length, _count + 1)];
            if (index >= 0)
            {
                Array.Copy(_points, copy, _count);
                copy[index] = point;
            }
            else
            {
                index = ~index;
                Array.Copy(_points, copy, index);
                copy[index] = point;
                Array.Copy(_points, index, copy, index + 1, _count - index);
                _count++;
            }

            _points = copy;
        }

        public ArraySegment<Point> Window(long startMs, long endMs)
        {
            var from = FirstAtOrAfter(startMs);
            var to = FirstAtOrAfter(endMs == long.MaxValue ? endMs : endMs + 1);
            return to > from ? new ArraySegment<Point>(_points, from, to - from) : ArraySegment<Point>.Empty;
        }

        private int FirstAtOrAfter(long time)
        {
            int lo = 0, hi = _count;
            while (lo < hi)
            {
                var mid = (lo + hi) >>> 1;
                if (_points[mid].T < time)
                {
                    lo = mid + 1;
                }
                else
                {
                    hi = mid;
                }
            }

            return lo;
        }
    }

    private sealed class TimeOrder : IComparer<Point>
    {
        public static readonly TimeOrder Instance = new();

        public int Compare(Point x, Point y) => x.T.CompareTo(y.T);
    }
}
