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
        var (range, parameter) = await EvalArgumentsAsync(evaluator, call, grid);
        var called = parameterWarning is null ? null : new bool[grid.Count];
        var output = Run(range, grid, kernel, parameter, keepName, called, evaluator.Context.CancellationToken, out var answered);
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

        SeriesMerger.RequireDistinctLabels(output);
        return new VectorResult(output);
    }

    /// <summary>Evaluates the range-vector argument and the scalar parameter, if the function has one.</summary>
    public static async ValueTask<(RangeResult Range, double[]? Parameter)> EvalArgumentsAsync(Evaluator evaluator, Call call, StepGrid grid)
    {
        var name = call.Function.Name;
        RangeResult? range = null;
        double[]? parameter = null;
        foreach (var arg in call.Args)
        {
            if (arg.Type == Ast.ValueType.Matrix)
            {
                range = await evaluator.EvalAsync(arg, grid, name) as RangeResult;
            }
            else
            {
                parameter = await evaluator.EvalScalarAsync(arg, grid, name);
            }
        }

        return range is null
            ? throw new PromQlException(PromQlErrorType.BadData, $"expected type range vector in call to function \"{name}\"")
            : (range, parameter);
    }

    /// <summary>The kernel over every series and step; <paramref name="answered"/> lists the input series that gave a sample.</summary>
    public static List<StepSeries> Run(
        RangeResult range, StepGrid grid, RangeKernel kernel, double[]? parameter, bool keepName, bool[]? called,
        CancellationToken cancellationToken, out List<RangeSeries> answered)
    {
        var rangeSeconds = Seconds(range.RangeMs);
        var output = new List<StepSeries>(range.Series.Count);
        answered = [];
        foreach (var series in range.Series)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var points = series.Points.AsSpan();
            double[]? values = null;
            int lo = 0, hi = 0;
            for (var i = 0; i < grid.Count; i++)
            {
                var end = range.WindowEnd(grid, i);
                var start = end - range.RangeMs;
                while (hi < points.Length && points[hi].T <= end)
                {
                    hi++;
                }

                while (lo < hi && points[lo].T <= start)
                {
                    lo++;
                }

                if (lo == hi)
                {
                    continue;
                }

                if (called is not null)
                {
                    called[i] = true;
                }

                var step = new RangeStep(grid.TimeAt(i), start, end, rangeSeconds, parameter is null ? 0 : parameter[i]);
                if (kernel(points[lo..hi], step, out var value))
                {
                    values ??= Missing.NewArray(grid.Count);
                    values[i] = Missing.Scrub(value);
                }
            }

            if (values is not null)
            {
                output.Add(new StepSeries(keepName ? series.Metric : QueryContext.DropName(series.Metric), values));
                answered.Add(series);
            }
        }

        return output;
    }

    /// <summary>A duration in seconds as Go's <c>Duration.Seconds()</c> computes it (whole seconds plus the fraction).</summary>
    public static double Seconds(long milliseconds) => (milliseconds / 1000) + ((milliseconds % 1000) * 1_000_000 / 1e9);
}
