using AirisEpm.PromQl.Ast;
using AirisEpm.PromQl.Engine.Evaluation;
using AirisEpm.PromQl.Model;

namespace AirisEpm.PromQl.Engine.Functions;

/// <summary>
/// minute, hour, day_of_week, ... of each sample's value read as Unix seconds (UTC), or of the evaluation time
/// when called without an argument (one series without labels).
/// </summary>
internal sealed class DateFunction(Func<CivilTime, double> field) : FunctionImpl
{
    public override async ValueTask<EvalValue> EvaluateAsync(Evaluator evaluator, Call call, StepGrid grid)
    {
        if (call.Args.Count == 0)
        {
            var values = new double[grid.Count];
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = field(CivilTime.FromUnixSeconds(grid.TimeAt(i) / 1000));
            }

            return new VectorResult([new StepSeries(LabelSet.Empty, values)]);
        }

        var input = await evaluator.EvalVectorAsync(call.Args[0], grid, call.Function.Name);
        return ElementFunction.Map(input, (v, _) => Of(v));
    }

    /// <summary>The field of a value in seconds, truncated toward zero as Go's <c>int64(f)</c>; NaN for what no calendar holds.</summary>
    private double Of(double seconds) =>
        double.IsNaN(seconds) || Math.Abs(seconds) > 9.2e18 ? double.NaN : field(CivilTime.FromUnixSeconds((long)seconds));
}
