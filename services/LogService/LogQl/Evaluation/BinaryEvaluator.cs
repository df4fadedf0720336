using AirisEpm.LogService.LogQl.Ast;
using AirisEpm.PromQl.Engine;

namespace AirisEpm.LogService.LogQl.Evaluation;

/// <summary>
/// Binary operators between evaluated operands, per step, as Loki's <c>BinOpStepEvaluator</c> and
/// <c>LiteralStepEvaluator</c>: number with number gives a number; a vector with a number applies to each sample
/// (a comparison keeps the vector's sample where it holds, or with <c>bool</c> gives 1 or 0); two vectors are
/// matched by PromQL's own vector matching (<see cref="VectorOperations"/>: <c>on</c>/<c>ignoring</c>,
/// <c>group_left</c>/<c>group_right</c>, <c>and</c>/<c>or</c>/<c>unless</c>). Division by zero is NaN, as in Loki.
/// </summary>
public static class BinaryEvaluator
{
    public static SampleValue Apply(BinaryExpr expr, SampleValue left, SampleValue right, int steps, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(expr);
        var op = expr.Operator;
        switch (left, right)
        {
            case (ScalarValue a, ScalarValue b):
                return new ScalarValue(op.Apply(a.Value, b.Value));
            case (MatrixValue a, ScalarValue b):
                return new MatrixValue(a.Series.Select(s => Combine(expr, s, b.Value, vectorOnLeft: true, steps)).Where(s => !s.IsEmpty).ToList());
            case (ScalarValue a, MatrixValue b):
                return new MatrixValue(b.Series.Select(s => Combine(expr, s, a.Value, vectorOnLeft: false, steps)).Where(s => !s.IsEmpty).ToList());
            case (MatrixValue a, MatrixValue b):
                return Vectors(expr, a, b, steps, ct);
            default:
                throw new ArgumentException("operands must be evaluated samples");
        }
    }

    /// <summary><paramref name="vector"/> against a number at every step.</summary>
    private static Series Combine(BinaryExpr expr, Series vector, double number, bool vectorOnLeft, int steps)
    {
        var result = new Series(vector.Labels, steps);
        for (var k = 0; k < steps; k++)
        {
            if (!vector.Present[k]) continue;
            var (l, r) = vectorOnLeft ? (vector.Values[k], number) : (number, vector.Values[k]);
            var computed = expr.Operator.Apply(l, r);
            if (!expr.Operator.IsComparison() || expr.ReturnBool) result.Set(k, computed);
            else if (computed == 1) result.Set(k, vector.Values[k]);
        }

        return result;
    }

    private static MatrixValue Vectors(BinaryExpr expr, MatrixValue left, MatrixValue right, int steps, CancellationToken ct)
    {
        var lhs = left.Series.Select(s => new GridSeries(s.Labels, s.Values, s.Present)).ToList();

        // PromQL divides by zero into ±Inf; Loki gives NaN, which is what a NaN divisor gives in PromQL's arithmetic.
        var rhs = right.Series.Select(s => new GridSeries(s.Labels, expr.Operator == BinaryOperator.Divide ? [.. s.Values.Select(v => v == 0 ? double.NaN : v)] : s.Values, s.Present)).ToList();
        IReadOnlyList<GridSeries> output;
        try
        {
            output = VectorOperations.Apply(expr.Operator.ToPromQl(), expr.Matching, expr.ReturnBool, lhs, rhs, steps, ct);
        }
        catch (PromQlException e)
        {
            throw new LogQlExecutionException(ExecutionProblem.Evaluation, e.Message);
        }

        var result = new List<Series>(output.Count);
        foreach (var s in output)
        {
            var series = new Series(s.Labels, steps);
            for (var k = 0; k < steps; k++)
            {
                if (s.Present[k]) series.Set(k, s.Values[k]);
            }

            if (!series.IsEmpty) result.Add(series);
        }

        return new MatrixValue(result);
    }
}
