using AirisEpm.PromQl.Ast;
using AirisEpm.PromQl.Engine.Evaluation;

namespace AirisEpm.PromQl.Engine.Functions;

/// <summary>How one PromQL function evaluates a call over a grid (a row of <see cref="FunctionTable"/>).</summary>
internal abstract class FunctionImpl
{
    public abstract ValueTask<EvalValue> EvaluateAsync(Evaluator evaluator, Call call, StepGrid grid);
}

/// <summary>A function written as one delegate over the evaluator, the call and the grid.</summary>
internal sealed class DelegateFunction(Func<Evaluator, Call, StepGrid, ValueTask<EvalValue>> evaluate) : FunctionImpl
{
    public override ValueTask<EvalValue> EvaluateAsync(Evaluator evaluator, Call call, StepGrid grid) => evaluate(evaluator, call, grid);
}

/// <summary>A function of each sample's value (abs, ln, sin, ...): the name is dropped, as Prometheus drops it.</summary>
internal sealed class ElementFunction(Func<double, double> apply) : FunctionImpl
{
    public override async ValueTask<EvalValue> EvaluateAsync(Evaluator evaluator, Call call, StepGrid grid)
    {
        var input = await evaluator.EvalVectorAsync(call.Args[0], grid, call.Function.Name);
        return Map(input, (v, _) => apply(v));
    }

    /// <summary>Applies <paramref name="apply"/> (value, step) to every present value, dropping the name and merging what then collides.</summary>
    public static VectorResult Map(VectorResult input, Func<double, int, double> apply)
    {
        var output = new List<StepSeries>(input.Series.Count);
        foreach (var series in input.Series)
        {
            var values = new double[series.Values.Length];
            for (var i = 0; i < values.Length; i++)
            {
                var v = series.Values[i];
                values[i] = Missing.Is(v) ? v : apply(v, i);
            }

            output.Add(new StepSeries(QueryContext.DropName(series.Metric), values));
        }

        return new VectorResult(SeriesMerger.MergeSameLabels(output));
    }
}
