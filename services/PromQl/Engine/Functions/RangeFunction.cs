using AirisEpm.PromQl.Ast;
using AirisEpm.PromQl.Engine.Evaluation;
using AirisEpm.PromQl.Model;

namespace AirisEpm.PromQl.Engine.Functions;

/// <summary>
/// A function over a range vector (rate, *_over_time, deriv, ...): for each series and step, the kernel over
/// the points in the left-open window, found by two indices that only move forward. The name is dropped
/// except for <paramref name="keepName"/> functions (last_over_time, first_over_time act like an offset).
/// <paramref name="parameterWarning"/> checks the scalar parameter where a window was evaluated;
/// <paramref name="counterInfo"/> notes, as Prometheus does for rate and increase, a metric not named like a counter.
/// </summary>
internal sealed class RangeFunction(
    RangeKernel kernel, bool keepName = false, Func<double, string?>? parameterWarning = null, bool counterInfo = false) : FunctionImpl
{
    private static readonly string[] CounterSuffixes = ["_total", "_sum", "_count", "_bucket"];

    public override async ValueTask<EvalValue> EvaluateAsync(Evaluator evaluator, Call call, StepGrid grid)
    {
        var collector = new SeriesCollector();
        var (points, held) = await StreamAsync(evaluator, call, grid, collector);
        return VectorResult.Counted(collector.Series, points, held);
    }

    /// <summary>
    /// Evaluates the call, handing each result series to <paramref name="sink"/> as it is computed; answers the
    /// points given and what Prometheus counts as held once the call is done.
    /// </summary>
    public async ValueTask<(long Points, long Held)> StreamAsync(Evaluator evaluator, Call call, StepGrid grid, ISeriesSink sink)
    {
        var heldBefore = evaluator.Context.Samples.Current;
        var (range, parameter) = await EvalArgumentsAsync(evaluator, call, grid);
        var called = parameterWarning is null ? null : new bool[grid.Count];
        var answered = Run(range, grid, kernel, parameter, keepName, called, evaluator.Context, sink, out var points);
        if (parameterWarning is not null && parameter is not null)
        {
            var position = call.Args.First(a => a.Type != Ast.ValueType.Matrix).Position;
            for (var i = 0; i < grid.Count; i++)
            {
                if (called![i] && parameterWarning(parameter[i]) is { } warning)
                {
                    evaluator.Context.Warn(warning, position);
                }
            }
        }

        if (counterInfo)
        {
            foreach (var series in answered)
            {
                if (series.Metric.Name is { Length: > 0 } name && !CounterSuffixes.Any(s => name.EndsWith(s, StringComparison.Ordinal)))
                {
                    evaluator.Context.Info(
                        $"PromQL info: metric might not be a counter, name does not end in _total/_sum/_count/_bucket: {PromQlString.Quote(name)}",
                        call.Args[0].Position);
                }
            }
        }

        return (points, HeldAfter(evaluator.Context, heldBefore, range, points));
    }

    /// <summary>
    /// What Prometheus counts once a function over a range vector is done: its result, and its scalar arguments (it
    /// releases a subquery's points, not them).
    /// </summary>
    public static long HeldAfter(QueryContext context, long heldBefore, RangeResult range, long resultPoints) =>
        context.Samples.Current - heldBefore - range.PointCount + resultPoints;

    /// <summary>Evaluates the range-vector argument, then the scalar parameter if the function has one (Prometheus's order).</summary>
    public static async ValueTask<(RangeResult Range, double[]? Parameter)> EvalArgumentsAsync(Evaluator evaluator, Call call, StepGrid grid)
    {
        var name = call.Function.Name;
        var matrix = call.Args.FirstOrDefault(a => a.Type == Ast.ValueType.Matrix);
        if (matrix is null || await evaluator.EvalAsync(matrix, grid, name) is not RangeResult range)
        {
            throw new PromQlException(PromQlErrorType.BadData, $"expected type range vector in call to function \"{name}\"");
        }

        double[]? parameter = null;
        foreach (var arg in call.Args)
        {
            if (!ReferenceEquals(arg, matrix))
            {
                parameter = await evaluator.EvalScalarAsync(arg, grid, name);
            }
        }

        return (range, parameter);
    }

    /// <summary>
    /// The kernel over every series and step, each series with a sample handed to <paramref name="sink"/>; answers the
    /// input series that gave one, <paramref name="points"/> counts the samples given. Holds, as Prometheus does, one
    /// series' window at a time beside the results so far, and fails, once all are computed, when two results have
    /// the same labels.
    /// </summary>
    public static List<RangeSeries> Run(
        RangeResult range, StepGrid grid, RangeKernel kernel, double[]? parameter, bool keepName, bool[]? called,
        QueryContext context, ISeriesSink sink, out long points)
    {
        var rangeSeconds = Seconds(range.RangeMs);
        var answered = new List<RangeSeries>();
        var labels = new HashSet<LabelSet>();
        var duplicate = false;
        points = 0;
        foreach (var series in range.Series)
        {
            context.ThrowIfCancelled();
            var span = series.Points.AsSpan();
            double[]? values = null;
            int lo = 0, hi = 0, window = 0, widest = 0, produced = 0, drops = 0;
            for (var i = 0; i < grid.Count; i++)
            {
                var end = range.WindowEnd(grid, i);
                var start = end - range.RangeMs;
                while (hi < span.Length && span[hi].T <= end)
                {
                    // Drops counts the samples in (lo, hi) below the one before.
                    if (hi > lo && span[hi].V < span[hi - 1].V)
                    {
                        drops++;
                    }

                    hi++;
                }

                while (lo < hi && span[lo].T <= start)
                {
                    if (lo + 1 < hi && span[lo + 1].V < span[lo].V)
                    {
                        drops--;
                    }

                    lo++;
                }

                window = hi - lo;
                widest = Math.Max(widest, window);
                if (window == 0)
                {
                    continue;
                }

                if (called is not null)
                {
                    called[i] = true;
                }

                var step = new RangeStep(grid.TimeAt(i), start, end, rangeSeconds, parameter is null ? 0 : parameter[i], drops);
                if (kernel(span[lo..hi], step, out var value))
                {
                    values ??= sink.Rent(grid.Count);
                    values[i] = Missing.Scrub(value);
                    produced++;
                }
            }

            // While this series is evaluated, and once its results join the others with its last window still held.
            context.Samples.Check(points + widest);
            points += produced;
            context.Samples.Check(points + window);
            if (values is not null)
            {
                var metric = keepName ? series.Metric : QueryContext.DropName(series.Metric);
                duplicate |= !labels.Add(metric);
                sink.Accept(metric, values);
                answered.Add(series);
            }
        }

        return duplicate ? throw QueryContext.Error(QueryContext.DuplicateLabelsetMessage) : answered;
    }

    /// <summary>A duration in seconds as Go's <c>Duration.Seconds()</c> computes it (whole seconds plus the fraction).</summary>
    public static double Seconds(long milliseconds) => (milliseconds / 1000) + ((milliseconds % 1000) * 1_000_000 / 1e9);
}
