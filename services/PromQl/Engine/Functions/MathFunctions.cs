using AirisEpm.PromQl.Ast;
using AirisEpm.PromQl.Engine.Evaluation;

namespace AirisEpm.PromQl.Engine.Functions;

/// <summary>Math on each sample (the name dropped): rounding, clamping, logarithms, trigonometry, sign.</summary>
internal static class MathFunctions
{
    public static double Sgn(double v) => v < 0 ? -1 : v > 0 ? 1 : v;

    public static double Deg(double v) => v * 180 / Math.PI;

    public static double Rad(double v) => v * Math.PI / 180;

    /// <summary><c>clamp(v, min, max)</c>; a step where max is below min has no output.</summary>
    public static async ValueTask<EvalValue> ClampAsync(Evaluator evaluator, Call call, StepGrid grid)
    {
        var name = call.Function.Name;
        var input = await evaluator.EvalVectorAsync(call.Args[0], grid, name);
        var min = await evaluator.EvalScalarAsync(call.Args[1], grid, name);
        var max = await evaluator.EvalScalarAsync(call.Args[2], grid, name);
        return Clamp(input, min, max);
    }

    public static async ValueTask<EvalValue> ClampMinAsync(Evaluator evaluator, Call call, StepGrid grid)
    {
        var input = await evaluator.EvalVectorAsync(call.Args[0], grid, call.Function.Name);
        var min = await evaluator.EvalScalarAsync(call.Args[1], grid, call.Function.Name);
        return Clamp(input, min, Filled(grid.Count, double.PositiveInfinity));
    }

    public static async ValueTask<EvalValue> ClampMaxAsync(Evaluator evaluator, Call call, StepGrid grid)
    {
        var input = await evaluator.EvalVectorAsync(call.Args[0], grid, call.Function.Name);
        var max = await evaluator.EvalScalarAsync(call.Args[1], grid, call.Function.Name);
        return Clamp(input, Filled(grid.Count, double.NegativeInfinity), max);
    }

    /// <summary><c>round(v, to_nearest=1)</c>: ties round up; the multiple is inverted first, as Prometheus does for accuracy.</summary>
    public static async ValueTask<EvalValue> RoundAsync(Evaluator evaluator, Call call, StepGrid grid)
    {
        var input = await evaluator.EvalVectorAsync(call.Args[0], grid, call.Function.Name);
        var toNearest = call.Args.Count > 1 ? await evaluator.EvalScalarAsync(call.Args[1], grid, call.Function.Name) : Filled(grid.Count, 1);
        return ElementFunction.Map(input, (v, i) =>
        {
            var inverse = 1.0 / toNearest[i];
            return Math.Floor((v * inverse) + 0.5) / inverse;
        });
    }

    private static VectorResult Clamp(VectorResult input, double[] min, double[] max)
    {
        var output = new List<StepSeries>(input.Series.Count);
        foreach (var series in input.Series)
        {
            var values = Missing.NewArray(series.Values.Length);
            var any = false;
            for (var i = 0; i < values.Length; i++)
            {
                var v = series.Values[i];
                if (Missing.Is(v) || max[i] < min[i])
                {
                    continue;
                }

                values[i] = GoMath.Max(min[i], GoMath.Min(max[i], v));
                any = true;
            }

            if (any)
            {
                output.Add(new StepSeries(QueryContext.DropName(series.Metric), values));
            }
        }

        return new VectorResult(SeriesMerger.MergeSameLabels(output));
    }

    private static double[] Filled(int count, double value)
    {
        var values = new double[count];
        values.AsSpan().Fill(value);
        return values;
    }
}
