using AirisEpm.PromQl.Ast;
using AirisEpm.PromQl.Engine.Evaluation;
using AirisEpm.PromQl.Model;

namespace AirisEpm.PromQl.Engine.Functions;

/// <summary>Functions of a whole vector or of time: time, timestamp, vector, scalar, sort, sort_desc, absent, absent_over_time, pi.</summary>
internal static class VectorFunctions
{
    public const string SortInRangeQueryWarning = "PromQL warning: sort is ineffective for range queries since results are always ordered by labels";

    public static ValueTask<EvalValue> TimeAsync(Evaluator evaluator, Call call, StepGrid grid)
    {
        var values = new double[grid.Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = grid.TimeAt(i) / 1000.0;
        }

        return ValueTask.FromResult<EvalValue>(new ScalarResult(values));
    }

    public static ValueTask<EvalValue> PiAsync(Evaluator evaluator, Call call, StepGrid grid) =>
        ValueTask.FromResult<EvalValue>(Evaluator.Scalar(grid, Math.PI));

    /// <summary>A selector's own sample times; for any other expression the evaluation time (what Prometheus returns).</summary>
    public static async ValueTask<EvalValue> TimestampAsync(Evaluator evaluator, Call call, StepGrid grid)
    {
        var arg = StepInvariance.Unwrap(call.Args[0]);
        if (arg is VectorSelector selector)
        {
            // Prometheus reads the selector step by step inside the function: its points are gathered, not held.
            var times = (VectorResult)await evaluator.EvalVectorSelectorAsync(selector, grid, call.Function.Name, timestamps: true);
            evaluator.Context.Samples.Gather(times);
            return ElementFunction.Map(times, (t, _) => t);
        }

        var input = await evaluator.EvalVectorAsync(arg, grid, call.Function.Name);
        return ElementFunction.Map(input, (_, i) => grid.TimeAt(i) / 1000.0);
    }

    public static async ValueTask<EvalValue> VectorAsync(Evaluator evaluator, Call call, StepGrid grid)
    {
        var scalar = await evaluator.EvalScalarAsync(call.Args[0], grid, call.Function.Name);
        return new VectorResult([new StepSeries(LabelSet.Empty, (double[])scalar.Clone())]);
    }

    /// <summary>The value of the only series present at a step, NaN when there are none or several.</summary>
    public static async ValueTask<EvalValue> ScalarAsync(Evaluator evaluator, Call call, StepGrid grid)
    {
        var input = await evaluator.EvalVectorAsync(call.Args[0], grid, call.Function.Name);
        var values = new double[grid.Count];
        var counts = new int[grid.Count];
        foreach (var series in input.Series)
        {
            for (var i = 0; i < values.Length; i++)
            {
                if (!Missing.Is(series.Values[i]))
                {
                    values[i] = series.Values[i];
                    counts[i]++;
                }
            }
        }

        for (var i = 0; i < values.Length; i++)
        {
            if (counts[i] != 1)
            {
                values[i] = double.NaN;
            }
        }

        return new ScalarResult(values);
    }

    public static ValueTask<EvalValue> SortAsync(Evaluator evaluator, Call call, StepGrid grid) =>
        SortAsync(evaluator, call, grid, GoSort.LessDescending);

    public static ValueTask<EvalValue> SortDescAsync(Evaluator evaluator, Call call, StepGrid grid) =>
        SortAsync(evaluator, call, grid, GoSort.LessAscending);

    /// <summary>1 at the steps where the argument has no series, labelled from its equality matchers.</summary>
    public static async ValueTask<EvalValue> AbsentAsync(Evaluator evaluator, Call call, StepGrid grid)
    {
        var input = await evaluator.EvalVectorAsync(call.Args[0], grid, call.Function.Name);
        var present = new bool[grid.Count];
        foreach (var series in input.Series)
        {
            for (var i = 0; i < present.Length; i++)
            {
                present[i] |= !Missing.Is(series.Values[i]);
            }
        }

        return AbsentSeries(call.Args[0], present);
    }

    /// <summary>1 at the steps where no series of the range vector has a sample in its window.</summary>
    public static async ValueTask<EvalValue> AbsentOverTimeAsync(Evaluator evaluator, Call call, StepGrid grid)
    {
        var held = evaluator.Context.Samples.Current;
        var (range, _) = await RangeFunction.EvalArgumentsAsync(evaluator, call, grid);
        var windows = new SeriesCollector();
        // Names kept: only presence matters here, and Prometheus does not check these series' labels for duplicates.
        RangeFunction.Run(range, grid, OverTimeFunctions.Present, null, keepName: true, called: null, evaluator.Context, windows, out var points);
        var present = new bool[grid.Count];
        foreach (var series in windows.Series)
        {
            for (var i = 0; i < present.Length; i++)
            {
                present[i] |= !Missing.Is(series.Values[i]);
            }
        }

        // Prometheus counts the per-series results it looked at, not the one series it answers.
        var absent = AbsentSeries(call.Args[0], present);
        return VectorResult.Counted(absent.Series, absent.PointCount, RangeFunction.HeldAfter(evaluator.Context, held, range, points));
    }

    private static async ValueTask<EvalValue> SortAsync(Evaluator evaluator, Call call, StepGrid grid, Func<double, double, bool> less)
    {
        var input = await evaluator.EvalVectorAsync(call.Args[0], grid, call.Function.Name);
        if (grid.Count != 1)
        {
            evaluator.Context.Warn(SortInRangeQueryWarning, call.Position);
            return input;
        }

        var sorted = new List<StepSeries>(input.Series);
        GoSort.SortReversed(sorted, s => s.Values[0], less);
        return new VectorResult(sorted);
    }

    private static VectorResult AbsentSeries(Expr arg, bool[] present)
    {
        var values = Missing.NewArray(present.Length);
        var any = false;
        for (var i = 0; i < present.Length; i++)
        {
            if (!present[i])
            {
                values[i] = 1;
                any = true;
            }
        }

        return any ? new VectorResult([new StepSeries(AbsentLabels(arg), values)]) : new VectorResult([]);
    }

    /// <summary>
    /// Prometheus's <c>createLabelsForAbsentFunction</c>: the labels a selector pins with <c>=</c>; a label named
    /// twice, or also matched otherwise, is left out.
    /// </summary>
    public static LabelSet AbsentLabels(Expr arg)
    {
        var selector = StepInvariance.Unwrap(arg) switch
        {
            VectorSelector vs => vs,
            MatrixSelector ms => ms.Selector,
            _ => null,
        };

        if (selector is null)
        {
            return LabelSet.Empty;
        }

        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        var pinned = new HashSet<string>(StringComparer.Ordinal);
        foreach (var matcher in selector.Matchers)
        {
            if (matcher.Name == LabelSet.MetricName)
            {
                continue;
            }

            if (matcher.Op == MatchOp.Equal && pinned.Add(matcher.Name))
            {
                labels[matcher.Name] = matcher.Value;
            }
            else
            {
                labels.Remove(matcher.Name);
            }
        }

        return LabelSet.From(labels.Select(l => new Label(l.Key, l.Value)));
    }
}
