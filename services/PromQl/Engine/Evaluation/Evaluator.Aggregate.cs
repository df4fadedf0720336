using AirisEpm.PromQl.Ast;
using AirisEpm.PromQl.Engine.Aggregation;
using AirisEpm.PromQl.Engine.Functions;

namespace AirisEpm.PromQl.Engine.Evaluation;

internal sealed partial class Evaluator
{
    private async ValueTask<EvalValue> EvalAggregateAsync(AggregateExpr aggregate, StepGrid grid)
    {
        var hint = OperatorName(aggregate.Op);
        if (aggregate.Op == AggregateOp.CountValues)
        {
            if (aggregate.Param is null || StepInvariance.Unwrap(aggregate.Param) is not StringLiteral label)
            {
                throw new PromQlException(PromQlErrorType.BadData, "expected type string in aggregation parameter, got " + (aggregate.Param?.Type.DocumentedName() ?? "none"));
            }

            var values = await EvalVectorAsync(aggregate.Inner, grid, hint);
            return new VectorResult(CountValuesAggregator.Aggregate(
                label.Value, aggregate.Grouping, aggregate.Without, values.Series, grid.Count, Context.CancellationToken));
        }

        double[]? parameter = null;
        if (aggregate.Op is AggregateOp.TopK or AggregateOp.BottomK or AggregateOp.Quantile)
        {
            parameter = aggregate.Param is null
                ? throw new PromQlException(PromQlErrorType.BadData, $"aggregation {hint} needs a parameter")
                : await EvalScalarAsync(aggregate.Param, grid, hint);
        }

        var grouping = new Grouping(aggregate.Grouping, aggregate.Without);
        var token = Context.CancellationToken;
        if (parameter is null)
        {
            var aggregation = new SimpleAggregation(aggregate.Op, grouping, grid.Count, token);
            await EvalIntoAsync(aggregate.Inner, grid, hint, aggregation);
            return new VectorResult(aggregation.Result());
        }

        if (aggregate.Op is AggregateOp.TopK or AggregateOp.BottomK)
        {
            var selection = new TopKSelection(aggregate.Op == AggregateOp.TopK, parameter, grouping, grid.Count, token);
            await EvalIntoAsync(aggregate.Inner, grid, hint, selection);
            return new VectorResult(selection.Result());
        }

        var input = await EvalVectorAsync(aggregate.Inner, grid, hint);
        var (groupOf, keys) = grouping.Assign(input.Series);
        return new VectorResult(QuantileAggregator.Aggregate(parameter, aggregate.Param!.Position, input.Series, groupOf, keys, grid.Count, Context));
    }

    /// <summary>
    /// Evaluates an instant-vector expression into <paramref name="sink"/> series by series. A function over a range
    /// vector streams its results in as it computes them, so the aggregation over it never holds them all; its
    /// samples are counted as if it had (Prometheus holds them).
    /// </summary>
    private async ValueTask EvalIntoAsync(Expr expr, StepGrid grid, string? hint, ISeriesSink sink)
    {
        if (StepInvariance.Unwrap(expr) is Call call && FunctionTable.Find(call.Function.Name) is RangeFunction function
            && !(grid.Count > 1 && _invariance.IsInvariant(call)))
        {
            Context.ThrowIfCancelled();
            var samples = Context.Samples;
            var held = samples.Current;
            samples.Enter(gathers: false, grid.Count);
            var (_, heldAfter) = await function.StreamAsync(this, call, grid, sink);
            samples.Exit();
            samples.ReleaseTo(held);
            samples.Hold(heldAfter);
            return;
        }

        foreach (var series in (await EvalVectorAsync(expr, grid, hint)).Series)
        {
            sink.Accept(series.Metric, series.Values);
        }
    }

    /// <summary>The operator's name as PromQL spells it (and as Prometheus passes it to storage in select hints).</summary>
    public static string OperatorName(AggregateOp op) => op switch
    {
        AggregateOp.Sum => "sum",
        AggregateOp.Avg => "avg",
        AggregateOp.Min => "min",
        AggregateOp.Max => "max",
        AggregateOp.Count => "count",
        AggregateOp.Group => "group",
        AggregateOp.Stddev => "stddev",
        AggregateOp.Stdvar => "stdvar",
        AggregateOp.TopK => "topk",
        AggregateOp.BottomK => "bottomk",
        AggregateOp.Quantile => "quantile",
        _ => "count_values",
    };
}
