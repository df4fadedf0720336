using System.Text;
using AirisEpm.LogService.LogQl.Ast;
using AirisEpm.PromQl.Model;

namespace AirisEpm.LogService.LogQl.Evaluation;

/// <summary>
/// Evaluates <c>count_over_time</c>, <c>rate</c>, <c>bytes_over_time</c> and <c>bytes_rate</c> over a
/// grid by reading each line once: it runs the pipeline, finds the steps whose windows hold it
/// (<see cref="StepWindows"/>) and adds to its series (<see cref="WindowSums"/>). Cost O(lines + series ×
/// steps), however large the range is against the step. When an outer <c>sum</c> groups the result
/// (<paramref name="pushdown"/>), series are keyed by the group at once, so a selector of many streams
/// builds one series per group, not per stream. Selector-only queries counted by level go to
/// <see cref="HistogramRangeEvaluator"/> instead, which reads no line at all.
/// </summary>
public sealed class RangeAggregationEvaluator(EvaluationContext context)
{
    public async Task<MatrixValue> EvaluateAsync(RangeAggregationExpr expr, StepGrid grid, Grouping? pushdown)
    {
        ArgumentNullException.ThrowIfNull(expr);
        ArgumentNullException.ThrowIfNull(grid);
        var range = expr.Range;
        var filter = await RangeLines.FilterAsync(context, range, grid);
        var divisor = expr.Function.PerSecond ? range.RangeNs / 1e9 : 1;
        var bytes = expr.Function.MeasureOf(range) == RangeMeasure.Bytes;
        if (await HistogramRangeEvaluator.TryAsync(context, expr, filter, grid, pushdown) is { } counted)
        {
            return counted;
        }

        var sums = new Dictionary<LabelSet, WindowSums>();
        await foreach (var (_, labels, line, first, last) in RangeLines.ReadAsync(context, range, grid, filter))
        {
            context.Statistics.TotalPostFilterLines++;
            var set = labels.ToLabelSet();
            if (labels.Error is { } error)
            {
                throw PipelineError(error, set);
            }

            var key = pushdown is null ? set : Groupings.Key(set, pushdown);
            if (!sums.TryGetValue(key, out var series))
            {
                context.CheckSeries(sums.Count + 1);
                sums[key] = series = new WindowSums(grid.Count);
            }

            series.Add(first, last, bytes ? Encoding.UTF8.GetByteCount(line) : 0);
        }

        return new MatrixValue(sums.Select(s => s.Value.ToSeries(s.Key, bytes, divisor)).ToList());
    }

    /// <summary>Loki's error for a metric query over lines that kept an <c>__error__</c>.</summary>
    public static LogQlExecutionException PipelineError(string error, LabelSet labels) => new(ExecutionProblem.Pipeline,
        $"pipeline error: '{error}' for series: '{labels}'. Use a label filter to intentionally skip this error (e.g. | __error__!=\"{error}\"), "
        + "or | drop __error__, __error_details__ to count these lines too. To skip all potential errors you can match empty errors (e.g. | __error__=\"\")");
}
