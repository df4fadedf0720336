using AirisEpm.PromQl.Ast;
using AirisEpm.PromQl.Engine.Aggregation;

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

        var input = await EvalVectorAsync(aggregate.Inner, grid, hint);
        var grouping = new Grouping(aggregate.Grouping, aggregate.Without);
        var (groupOf, keys) = grouping.Assign(input.Series);
        var token = Context.CancellationToken;
        return new VectorResult(aggregate.Op switch
        {
            AggregateOp.TopK => TopKAggregator.Aggregate(true, parameter!, input.Series, groupOf, keys.Count, grid.Count, token),
            AggregateOp.BottomK => TopKAggregator.Aggregate(false, parameter!, input.Series, groupOf, keys.Count, grid.Count, token),
            AggregateOp.Quantile => QuantileAggregator.Aggregate(parameter!, input.Series, groupOf, keys, grid.Count, Context),
            _ => SimpleAggregator.Aggregate(aggregate.Op, input.Series, groupOf, keys, grid.Count, token),
        });
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
