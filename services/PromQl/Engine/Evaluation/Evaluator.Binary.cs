using AirisEpm.PromQl.Ast;

namespace AirisEpm.PromQl.Engine.Evaluation;

internal sealed partial class Evaluator
{
    private async ValueTask<EvalValue> EvalBinaryAsync(BinaryExpr binary, StepGrid grid)
    {
        var lhs = await EvalAsync(binary.Lhs, grid, null);
        var rhs = await EvalAsync(binary.Rhs, grid, null);
        Context.ThrowIfCancelled();
        switch (lhs, rhs)
        {
            case (ScalarResult l, ScalarResult r):
            {
                var values = new double[grid.Count];
                for (var i = 0; i < values.Length; i++)
                {
                    values[i] = BinaryOps.ApplyScalar(binary.Op, l.Values[i], r.Values[i]);
                }

                return new ScalarResult(values);
            }

            case (VectorResult l, ScalarResult r):
                return new VectorResult(VectorScalar(binary.Op, l, r.Values, scalarOnLeft: false, binary.ReturnBool));
            case (ScalarResult l, VectorResult r):
                return new VectorResult(VectorScalar(binary.Op, r, l.Values, scalarOnLeft: true, binary.ReturnBool));
            case (VectorResult l, VectorResult r):
            {
                var matching = binary.Matching ?? new VectorMatching(
                    BinaryOps.IsSetOperator(binary.Op) ? VectorMatchCardinality.ManyToMany : VectorMatchCardinality.OneToOne, [], false, []);
                var matcher = new VectorMatcher(matching, grid.Count, Context.CancellationToken);
                return new VectorResult(binary.Op switch
                {
                    BinaryOp.And => matcher.And(l.Series, r.Series),
                    BinaryOp.Or => matcher.Or(l.Series, r.Series),
                    BinaryOp.Unless => matcher.Unless(l.Series, r.Series),
                    _ => matcher.Arithmetic(binary.Op, l.Series, r.Series, binary.ReturnBool),
                });
            }

            default:
                throw new PromQlException(
                    PromQlErrorType.BadData,
                    $"binary expression must contain only scalar and instant vector types, got {binary.Lhs.Type.DocumentedName()} and {binary.Rhs.Type.DocumentedName()}");
        }
    }

    private static List<StepSeries> VectorScalar(BinaryOp op, VectorResult vector, double[] scalar, bool scalarOnLeft, bool returnBool)
    {
        var comparison = BinaryOps.IsComparison(op);
        var dropName = BinaryOps.DropsName(op) || returnBool;
        var output = new List<StepSeries>(vector.Series.Count);
        foreach (var series in vector.Series)
        {
            var values = new double[scalar.Length];
            var any = false;
            for (var i = 0; i < values.Length; i++)
            {
                var v = series.Values[i];
                if (Missing.Is(v))
                {
                    values[i] = v;
                    continue;
                }

                var (result, keep) = scalarOnLeft ? BinaryOps.Apply(op, scalar[i], v) : BinaryOps.Apply(op, v, scalar[i]);
                if (comparison && scalarOnLeft)
                {
                    // A comparison keeps the vector's value, whichever side it is on.
                    result = v;
                }

                if (returnBool)
                {
                    result = keep ? 1 : 0;
                    keep = true;
                }

                values[i] = keep ? result : Missing.Value;
                any |= keep;
            }

            if (any)
            {
                output.Add(new StepSeries(dropName ? QueryContext.DropName(series.Metric) : series.Metric, values));
            }
        }

        return dropName ? SeriesMerger.MergeSameLabels(output) : output;
    }
}
