using System.Runtime.InteropServices;
using AirisEpm.PromQl.Ast;
using AirisEpm.PromQl.Model;

namespace AirisEpm.PromQl.Engine.Evaluation;

internal sealed partial class Evaluator
{
    /// <summary>
    /// An instant selector: at each step the latest sample in the left-open window <c>(t - lookback, t]</c>,
    /// none when that sample is a stale marker. With <paramref name="timestamps"/> the value is the sample's
    /// own time in seconds (what <c>timestamp(selector)</c> answers).
    /// </summary>
    internal async ValueTask<EvalValue> EvalVectorSelectorAsync(VectorSelector selector, StepGrid grid, string? hint, bool timestamps)
    {
        var at = Context.ResolveAt(selector.Modifiers);
        var offset = selector.Modifiers.OffsetMs;
        var firstEval = (at ?? grid.Start) - offset;
        var lastEval = (at ?? grid.End) - offset;
        var loaded = await LoadAsync(selector, firstEval - Context.LookbackMs + 1, lastEval, grid.Interval, hint, 0, dropStale: false);
        var output = new List<StepSeries>(loaded.Count);
        foreach (var series in loaded)
        {
            Context.ThrowIfCancelled();
            var values = InstantValues(series.Points, grid, at, offset, Context.LookbackMs, timestamps);
            if (values is not null)
            {
                output.Add(new StepSeries(series.Metric, values));
            }
        }

        return new VectorResult(output);
    }

    private async ValueTask<EvalValue> EvalMatrixSelectorAsync(MatrixSelector matrix, StepGrid grid, string? hint)
    {
        var selector = matrix.Selector;
        var at = Context.ResolveAt(selector.Modifiers);
        var offset = selector.Modifiers.OffsetMs;
        var firstEnd = (at ?? grid.Start) - offset;
        var lastEnd = (at ?? grid.End) - offset;
        var loaded = await LoadAsync(selector, firstEnd - matrix.RangeMs + 1, lastEnd, grid.Interval, hint, matrix.RangeMs, dropStale: true);
        return new RangeResult(loaded, matrix.RangeMs, offset, at) { FromSelector = true };
    }

    /// <summary>
    /// A subquery: the inner expression on its own grid, aligned to multiples of the step as Prometheus aligns
    /// it (the first step after <c>start - offset - range</c>), its output turned into points.
    /// </summary>
    private async ValueTask<EvalValue> EvalSubqueryAsync(SubqueryExpr subquery, StepGrid grid, string? hint)
    {
        var at = Context.ResolveAt(subquery.Modifiers);
        var offset = subquery.Modifiers.OffsetMs;
        var step = subquery.StepMs > 0 ? subquery.StepMs : Context.DefaultSubqueryStepMs;
        var end = (at ?? grid.End) - offset;
        var startBase = (at ?? grid.Start) - offset - subquery.RangeMs;
        var start = step * (startBase / step);
        if (start <= startBase)
        {
            start += step;
        }

        var inner = StepGrid.Between(start, end, step);
        var held = Context.Samples.Current;
        var value = await EvalAsync(subquery.Inner, inner, hint);
        var series = new List<RangeSeries>();
        switch (value)
        {
            case VectorResult vector:
                foreach (var s in vector.Series)
                {
                    series.Add(new RangeSeries(s.Metric, ToPoints(s.Values, inner)));
                }

                break;
            case ScalarResult scalar:
                series.Add(new RangeSeries(LabelSet.Empty, ToPoints(scalar.Values, inner)));
                break;
            default:
                throw new PromQlException(PromQlErrorType.BadData, $"subquery is only allowed on instant vector, got {subquery.Inner.Type.Name()} instead");
        }

        // Prometheus goes on counting what the inner expression left counted, its results at least.
        return new RangeResult(series, subquery.RangeMs, offset, at) { Held = Context.Samples.Current - held };
    }

    private static ArraySegment<Point> ToPoints(double[] values, StepGrid grid)
    {
        var points = new List<Point>();
        for (var i = 0; i < values.Length; i++)
        {
            if (!Missing.Is(values[i]))
            {
                points.Add(new Point(grid.TimeAt(i), values[i]));
            }
        }

        return new ArraySegment<Point>([.. points]);
    }

    internal static double[]? InstantValues(ReadOnlySpan<Point> points, StepGrid grid, long? at, long offset, long lookback, bool timestamps)
    {
        var values = new double[grid.Count];
        var any = false;
        var latest = -1;
        for (var i = 0; i < values.Length; i++)
        {
            var evalTime = (at ?? grid.TimeAt(i)) - offset;
            while (latest + 1 < points.Length && points[latest + 1].T <= evalTime)
            {
                latest++;
            }

            if (latest >= 0 && points[latest].T > evalTime - lookback && !StaleMarker.IsStale(points[latest].V))
            {
                values[i] = timestamps ? points[latest].T / 1000.0 : points[latest].V;
                any = true;
            }
            else
            {
                values[i] = Missing.Value;
            }
        }

        return any ? values : null;
    }

    /// <summary>
    /// Asks the source once for the selector's whole window <c>[minT, maxT]</c>; keeps each series' points in that
    /// window (scrubbed of the missing marker, without stale markers for range selectors), sorted by labels.
    /// </summary>
    private async ValueTask<List<RangeSeries>> LoadAsync(
        VectorSelector selector, long minT, long maxT, long stepMs, string? hint, long rangeMs, bool dropStale)
    {
        var hints = new SelectHints(minT, maxT, stepMs, hint, rangeMs);
        var found = await Context.Source.SelectAsync(selector.Matchers, hints, Context.CancellationToken);
        var result = new List<RangeSeries>(found.Count);
        long loaded = 0;
        foreach (var series in found)
        {
            var points = Window(series.Points, minT, maxT, dropStale);
            if (points.Count == 0)
            {
                continue;
            }

            loaded += points.Count;
            result.Add(new RangeSeries(series.Metric, points));
        }

        Context.CountLoaded(loaded);

        if (IsSorted(result))
        {
            return MergeDuplicates(result);
        }

        // A stable sort: parts of one series stay in the order the source gave them.
        var order = Enumerable.Range(0, result.Count).ToArray();
        Array.Sort(order, (a, b) => LabelOrder.Instance.Compare(result[a].Metric, result[b].Metric) is var c && c != 0 ? c : a.CompareTo(b));
        return MergeDuplicates([.. order.Select(i => result[i])]);
    }

    /// <summary>Whether a source already answered in label order (a store reading by series key does), so no sort is needed.</summary>
    private static bool IsSorted(List<RangeSeries> series)
    {
        for (var i = 1; i < series.Count; i++)
        {
            if (LabelOrder.Instance.Compare(series[i - 1].Metric, series[i].Metric) > 0)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// A store that answers one series in parts (two shards, two tiers) gives the same labels twice: they become one
    /// series, as Prometheus's merging querier makes them; of two samples at one time, the one of the part listed first is kept.
    /// </summary>
    private static List<RangeSeries> MergeDuplicates(List<RangeSeries> sorted)
    {
        var duplicates = false;
        for (var i = 1; i < sorted.Count && !duplicates; i++)
        {
            duplicates = sorted[i].Metric.Equals(sorted[i - 1].Metric);
        }

        if (!duplicates)
        {
            return sorted;
        }

        var merged = new List<RangeSeries>(sorted.Count);
        for (var i = 0; i < sorted.Count;)
        {
            var j = i + 1;
            while (j < sorted.Count && sorted[j].Metric.Equals(sorted[i].Metric))
            {
                j++;
            }

            if (j == i + 1)
            {
                merged.Add(sorted[i]);
            }
            else
            {
                var points = new SortedDictionary<long, double>();
                for (var k = i; k < j; k++)
                {
                    foreach (var point in sorted[k].Points.AsSpan())
                    {
                        points.TryAdd(point.T, point.V);
                    }
                }

                merged.Add(new RangeSeries(sorted[i].Metric, new ArraySegment<Point>([.. points.Select(p => new Point(p.Key, p.Value))])));
            }

            i = j;
        }

        return merged;
    }

    private static ArraySegment<Point> Window(IReadOnlyList<Point> points, long minT, long maxT, bool dropStale)
    {
        var all = points switch
        {
            Point[] array => new ArraySegment<Point>(array),
            ArraySegment<Point> segment => segment,
            _ => new ArraySegment<Point>([.. points]),
        };

        var span = all.AsSpan();
        var from = FirstAtOrAfter(span, minT);
        var to = FirstAtOrAfter(span, maxT + 1);
        var window = all.Slice(from, Math.Max(0, to - from));
        foreach (var point in window.AsSpan())
        {
            // Both markers are NaNs: one comparison per sample in the common case.
            if (double.IsNaN(point.V)
                && ((dropStale && StaleMarker.IsStale(point.V)) || (BitConverter.DoubleToUInt64Bits(point.V) & 0x7FFF_FFFF_FFFF_FFFF) == Missing.Bits))
            {
                return Cleaned(window.AsSpan(), dropStale);
            }
        }

        return window;
    }

    private static ArraySegment<Point> Cleaned(ReadOnlySpan<Point> window, bool dropStale)
    {
        var kept = new List<Point>(window.Length);
        foreach (var point in window)
        {
            if (!(dropStale && StaleMarker.IsStale(point.V)))
            {
                kept.Add(new Point(point.T, Missing.Scrub(point.V)));
            }
        }

        return new ArraySegment<Point>(CollectionsMarshal.AsSpan(kept).ToArray());
    }

    /// <summary>Index of the first point at or after <paramref name="time"/> (binary search).</summary>
    internal static int FirstAtOrAfter(ReadOnlySpan<Point> points, long time)
    {
        int lo = 0, hi = points.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (points[mid].T < time)
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
