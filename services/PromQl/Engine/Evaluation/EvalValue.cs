using AirisEpm.PromQl.Model;

namespace AirisEpm.PromQl.Engine.Evaluation;

/// <summary>What an expression evaluates to over a grid.</summary>
internal abstract class EvalValue
{
    /// <summary>Points this value holds, counted against <see cref="EngineOptions.MaxSamples"/>; read once the value is complete.</summary>
    public abstract long PointCount { get; }

    /// <summary>
    /// What Prometheus still counts as held once the node that made this value is done, when that is not
    /// <see cref="PointCount"/>: a function over a range vector keeps its scalar arguments counted, a subquery
    /// what its inner expression left counted.
    /// </summary>
    public long? Held { get; init; }
}

/// <summary>An instant vector over the grid, its series in Prometheus's evaluation order.</summary>
internal sealed class VectorResult(List<StepSeries> series) : EvalValue
{
    private long _points = -1;

    public List<StepSeries> Series { get; } = series;

    public override long PointCount
    {
        get
        {
            if (_points < 0)
            {
                long total = 0;
                foreach (var s in Series)
                {
                    total += s.PresentCount();
                }

                _points = total;
            }

            return _points;
        }
    }

    /// <summary>A result whose point count its maker already knows, and what Prometheus counts as held after it when that differs.</summary>
    public static VectorResult Counted(List<StepSeries> series, long points, long? held = null) =>
        new(series) { _points = points, Held = held };
}

/// <summary>A scalar over the grid: a value at every step.</summary>
internal sealed class ScalarResult(double[] values) : EvalValue
{
    public double[] Values { get; } = values;

    public override long PointCount => Values.Length;
}

internal sealed class StringResult(string value) : EvalValue
{
    public string Value { get; } = value;

    public override long PointCount => 0;
}

/// <summary>
/// A range vector (matrix selector or subquery): each series' points over the whole query window; step
/// <c>i</c> sees the left-open window <c>(end - range, end]</c> with <c>end = (at ?? t_i) - offset</c>.
/// A selector's points are the source's, read window by window, so they are not held (<see cref="FromSelector"/>);
/// a subquery's are its inner expression's results.
/// </summary>
internal sealed class RangeResult(List<RangeSeries> series, long rangeMs, long offsetMs, long? atMs) : EvalValue
{
    public List<RangeSeries> Series { get; } = series;

    public long RangeMs { get; } = rangeMs;

    public long OffsetMs { get; } = offsetMs;

    public long? AtMs { get; } = atMs;

    public bool FromSelector { get; init; }

    public long WindowEnd(StepGrid grid, int step) => (AtMs ?? grid.TimeAt(step)) - OffsetMs;

    public override long PointCount => FromSelector ? 0 : AllPoints();

    public long AllPoints()
    {
        long total = 0;
        foreach (var s in Series)
        {
            total += s.Points.Count;
        }

        return total;
    }
}

/// <summary>The points of one range-vector series, stale markers removed, in time order.</summary>
internal sealed class RangeSeries(LabelSet metric, ArraySegment<Point> points)
{
    public LabelSet Metric { get; } = metric;

    public ArraySegment<Point> Points { get; } = points;
}
