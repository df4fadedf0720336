using AirisEpm.LogService.LogQl.Ast;

namespace AirisEpm.LogService.LogQl.Evaluation;

/// <summary>
/// Arithmetic and comparisons between evaluated operands, per step, as PromQL: scalar with scalar gives a
/// scalar; a vector with a scalar applies to each sample; two vectors pair the samples of series with the
/// same labels (one to one) and drop the rest. A comparison keeps the vector side's sample where it holds,
/// or with <c>bool</c> gives 1 or 0 for every pair.
/// </summary>
public static class BinaryEvaluator
{
    public static SampleValue Apply(BinaryExpr expr, SampleValue left, SampleValue right, int steps)
    {
        ArgumentNullException.ThrowIfNull(expr);
        var op = expr.Operator;
        switch (left, right)
        {
            case (ScalarValue a, ScalarValue b):
                return new ScalarValue(op.Apply(a.Value, b.Value));
            case (MatrixValue a, ScalarValue b):
                return new MatrixValue(a.Series.Select(s => Combine(expr, s, _ => b.Value, vectorOnLeft: true, steps)).Where(s => !s.IsEmpty).ToList());
            case (ScalarValue a, MatrixValue b):
                return new MatrixValue(b.Series.Select(s => Combine(expr, s, _ => a.Value, vectorOnLeft: false, steps)).Where(s => !s.IsEmpty).ToList());
            case (MatrixValue a, MatrixValue b):
                var byLabels = b.Series.ToDictionary(s => s.Labels);
                var result = new List<Series>();
                foreach (var series in a.Series)
                {
                    if (!byLabels.TryGetValue(series.Labels, out var other)) continue;
                    var combined = Combine(expr, series, k => other.Present[k] ? other.Values[k] : null, vectorOnLeft: true, steps);
                    if (!combined.IsEmpty) result.Add(combined);
                }

                return new MatrixValue(result);
            default:
                throw new ArgumentException("operands must be evaluated samples");
        }
    }

    /// <summary><paramref name="vector"/> against <paramref name="other"/>'s value per step (null: no sample there).</summary>
    private static Series Combine(BinaryExpr expr, Series vector, Func<int, double?> other, bool vectorOnLeft, int steps)
    {
        var result = new Series(vector.Labels, steps);
        for (var k = 0; k < steps; k++)
        {
            if (!vector.Present[k] || other(k) is not { } value) continue;
            var (l, r) = vectorOnLeft ? (vector.Values[k], value) : (value, vector.Values[k]);
            var computed = expr.Operator.Apply(l, r);
            if (!expr.Operator.IsComparison() || expr.ReturnBool) result.Set(k, computed);
            else if (computed == 1) result.Set(k, vector.Values[k]);
        }

        return result;
    }
}
