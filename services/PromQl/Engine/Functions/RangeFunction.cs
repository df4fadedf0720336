using AirisEpm.PromQl.Ast;
using AirisEpm.PromQl.Engine.Evaluation;

namespace AirisEpm.PromQl.Engine.Functions;

/// <summary>
/// A function over a range vector (rate, *_over_time, deriv, ...): for each series and step, the kernel over
/// the points in the left-open window, found by two indices that only move forward. The name is dropped
/// except for <paramref name="keepName"/> functions (last_over_time, first_over_time act like an offset).
/// </summary>
internal sealed class RangeFunction(RangeKernel kernel, bool keepName = false, Func<double, string?>? parameterWarning = null) : FunctionImpl
{
    public override async ValueTask<EvalValue> EvaluateAsync(Evaluator evaluator, Call call, StepGrid grid)
    {
        var name = call.Function.Name;
        var (range, parameter) = await EvalArgumentsAsync(evaluator, call, grid);
        var called = parameterWarning is null ? null : new bool[grid.Count];
        var output = Run(range, grid, kernel, parameter, keepName, called, evaluator.Context.CancellationToken);
        if (parameterWarning is not null && parameter is not null)
        {
            for (var i = 0; i < grid.Count; i++)
            {
                if (called![i] && parameterWarning(parameter[i]) is { } warning)
                {
                    evaluator.Context.Warn(warning);
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

    public static List<StepSeries> Run(
        RangeResult range, StepGrid grid, RangeKernel kernel, double[]? parameter, bool keepName, bool[]? called, CancellationToken cancellationToken)
    {
        var rangeSeconds = Seconds(range.RangeMs);
        var output = new List<StepSeries>(range.Series.Count);
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
            }
        }

        return output;
    }

    /// <summary>A duration in seconds as Go's <c>Duration.Seconds()</c> computes it (whole seconds plus the fraction).</summary>
    public static double Seconds(long milliseconds) => (milliseconds / 1000) + ((milliseconds % 1000) * 1_000_000 / 1e9);
}
