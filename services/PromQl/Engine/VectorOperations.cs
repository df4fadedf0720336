using AirisEpm.PromQl.Ast;
using AirisEpm.PromQl.Engine.Evaluation;
using AirisEpm.PromQl.Model;

namespace AirisEpm.PromQl.Engine;

/// <summary>One series over a step grid for <see cref="VectorOperations"/>: a value per step where <see cref="Present"/> says it has one.</summary>
public sealed record GridSeries(LabelSet Labels, double[] Values, bool[] Present);

/// <summary>
/// Prometheus's vector/vector operators for callers outside this engine (LogQL's metric queries): the same
/// <see cref="VectorMatcher"/> the engine runs, so <c>on</c>/<c>ignoring</c>, <c>group_left</c>/<c>group_right</c>,
/// <c>bool</c>, comparisons that filter, and <c>and</c>/<c>or</c>/<c>unless</c> match series exactly as in PromQL,
/// with its errors (<see cref="PromQlException"/>, <see cref="PromQlErrorType.Execution"/>).
/// </summary>
public static class VectorOperations
{
    public static IReadOnlyList<GridSeries> Apply(
        BinaryOp op, VectorMatching? matching, bool returnBool, IReadOnlyList<GridSeries> lhs, IReadOnlyList<GridSeries> rhs, int steps, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lhs);
        ArgumentNullException.ThrowIfNull(rhs);
        var setOperator = BinaryOps.IsSetOperator(op);
        matching ??= new VectorMatching(setOperator ? VectorMatchCardinality.ManyToMany : VectorMatchCardinality.OneToOne, [], false, []);
        var matcher = new VectorMatcher(matching, steps, cancellationToken);
        var left = lhs.Select(s => ToStepSeries(s, steps)).ToList();
        var right = rhs.Select(s => ToStepSeries(s, steps)).ToList();
        var output = op switch
        {
            BinaryOp.And => matcher.And(left, right),
            BinaryOp.Or => matcher.Or(left, right),
            BinaryOp.Unless => matcher.Unless(left, right),
            _ => matcher.Arithmetic(op, left, right, returnBool),
        };
        return output.Select(s => new GridSeries(s.Metric, s.Values, [.. s.Values.Select(v => !Missing.Is(v))])).ToList();
    }

    private static StepSeries ToStepSeries(GridSeries series, int steps)
    {
        if (series.Values.Length != steps || series.Present.Length != steps)
        {
            throw new ArgumentException($"a series has {series.Values.Length} values for {steps} steps", nameof(series));
        }

        var values = new double[steps];
        for (var i = 0; i < steps; i++)
        {
            values[i] = series.Present[i] ? Missing.Scrub(series.Values[i]) : Missing.Value;
        }

        return new StepSeries(series.Labels, values);
    }
}
