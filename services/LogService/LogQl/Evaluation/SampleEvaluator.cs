using AirisEpm.LogService.LogQl.Ast;
using AirisEpm.PromQl.Model;

namespace AirisEpm.LogService.LogQl.Evaluation;

/// <summary>
/// Evaluates a metric expression over a grid, bottom up. A <c>sum</c> directly over a range aggregation
/// hands its grouping down (<see cref="RangeAggregationEvaluator"/>), which is what lets the store's
/// histogram answer Grafana's volume queries and keeps a many-stream selector to one series per group.
/// </summary>
public sealed class SampleEvaluator(EvaluationContext context)
{
    public async Task<SampleValue> EvaluateAsync(SampleExpr expr, StepGrid grid)
    {
        ArgumentNullException.ThrowIfNull(grid);
        context.CancellationToken.ThrowIfCancellationRequested();
        switch (expr)
        {
            case NumberLiteral number:
                return new ScalarValue(number.Value);
            case VectorLiteral vector:
                var series = new Series(LabelSet.Empty, grid.Count);
                for (var k = 0; k < grid.Count; k++) series.Set(k, vector.Value);
                return new MatrixValue([series]);
            case RangeAggregationExpr range when range.Function.CountsLines(range.Range):
                return await new RangeAggregationEvaluator(context).EvaluateAsync(range, grid, pushdown: null);
            case RangeAggregationExpr range:
                return await new SampleRangeEvaluator(context).EvaluateAsync(range, grid);
            case VectorAggregationExpr aggregation:
                var inner = aggregation is { Function.Name: "sum", Inner: RangeAggregationExpr pushed } && pushed.Function.CountsLines(pushed.Range)
                    ? await new RangeAggregationEvaluator(context).EvaluateAsync(pushed, grid, aggregation.Grouping ?? new Grouping(false, []))
                    : await EvaluateAsync(aggregation.Inner, grid);
                var input = inner as MatrixValue ?? throw new LogQlExecutionException(ExecutionProblem.BadRequest, $"{aggregation.Function.Name} aggregates a vector, not a number");
                var output = VectorAggregators.Implementations[aggregation.Function.Name](input.Series, aggregation.Grouping, aggregation.Parameter, grid.Count);
                context.CheckSeries(output.Count);
                return new MatrixValue(output);
            case BinaryExpr binary:
                var left = await EvaluateAsync(binary.Left, grid);
                var right = await EvaluateAsync(binary.Right, grid);
                return BinaryEvaluator.Apply(binary, left, right, grid.Count, context.CancellationToken);
            case LabelReplaceExpr replace:
                var replaced = await EvaluateAsync(replace.Inner, grid) as MatrixValue
                    ?? throw new LogQlExecutionException(ExecutionProblem.BadRequest, "label_replace takes a vector, not a number");
                return LabelReplacer.Apply(replace, replaced, grid.Count);
            default:
                throw new ArgumentException($"unknown expression {expr?.GetType().Name}", nameof(expr));
        }
    }
}
