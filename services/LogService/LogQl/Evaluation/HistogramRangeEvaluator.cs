using AirisEpm.LogService.Domain;
using AirisEpm.LogService.LogQl.Ast;
using AirisEpm.LogService.Storage;
using F = AirisEpm.LogService.Storage.LogFieldNames;
using AirisEpm.PromQl.Model;

namespace AirisEpm.LogService.LogQl.Evaluation;

/// <summary>
/// The fast path for the query Grafana runs beside every log query, <c>sum by (level, detected_level)
/// (count_over_time({…}[step]))</c>, and for <c>sum(count_over_time(…))</c> and <c>rate</c>: when the
/// selector translates exactly, the pipeline cannot drop a line, and the result is grouped by level only,
/// the counts come from the store's histogram (index doc values, no record loaded). Buckets of width
/// g = gcd(step, range) tile every window exactly: window k is buckets [k·step/g, (k·step + range)/g).
/// When that would take more than <see cref="MaxBuckets"/> buckets (a step and range with a tiny common
/// divisor), each step's window is counted by its own one-bucket histogram instead.
/// </summary>
public static class HistogramRangeEvaluator
{
    public const long MaxBuckets = 100_000;

    private static readonly int Levels = Enum.GetValues<Severity>().Length;

    /// <summary>The counted series, or null when the query needs its lines read.</summary>
    public static async Task<MatrixValue?> TryAsync(EvaluationContext context, RangeAggregationExpr expr, StoreFilter filter, StepGrid grid, Grouping? pushdown)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(expr);
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(grid);
        if (pushdown is not { Without: false } grouping
            || !grouping.Labels.All(l => l is StreamLabels.Level or StreamLabels.DetectedLevel)
            || expr.Function.MeasureOf(expr.Range) != RangeMeasure.Lines
            || !filter.SelectorIsExact
            || !new LogPipeline(expr.Range.Selector.Stages).IsInert)
        {
            return null;
        }

        var range = expr.Range;
        var (startNs, endNs) = StepWindows.Span(grid, range.RangeNs, range.OffsetNs);
        var ct = context.CancellationToken;
        if (grouping.Labels.Contains(StreamLabels.Level))
        {
            // "level" is the severity only where the record has no level label of its own.
            var withLabel = await context.Store.SearchAsync(new LogQuery(LuceneText.And([filter.Text ?? LuceneText.All, LuceneText.Present(F.LabelPrefix + StreamLabels.Level)]), startNs, endNs, Limit: 0), ct);
            if (withLabel.Total > 0) return null;
        }

        var counts = await CountAsync(context.Store, filter.Text, grid, range, ct);
        var divisor = expr.Function.PerSecond ? range.RangeNs / 1e9 : 1;
        var totals = new Dictionary<LabelSet, long[]>();
        for (var level = 0; level < Levels; level++)
        {
            var name = SeverityNames.Of((Severity)level);
            var key = LabelSet.From(grouping.Labels.Select(l => new Label(l, name)));
            if (!totals.TryGetValue(key, out var total)) totals[key] = total = new long[grid.Count];
            for (var k = 0; k < grid.Count; k++) total[k] += counts[level][k];
            context.Statistics.TotalLinesProcessed += counts[level].Sum();
        }

        var series = new List<Series>();
        foreach (var (key, total) in totals)
        {
            var s = new Series(key, grid.Count);
            for (var k = 0; k < grid.Count; k++)
            {
                if (total[k] > 0) s.Set(k, total[k] / divisor);
            }

            if (!s.IsEmpty) series.Add(s);
        }

        return new MatrixValue(series);
    }

    /// <summary>Lines per level and step: counts[level][step].</summary>
    private static async Task<long[][]> CountAsync(ILogStore store, string? text, StepGrid grid, LogRange range, CancellationToken ct)
    {
        var counts = Enumerable.Range(0, Levels).Select(_ => new long[grid.Count]).ToArray();
        var g = Gcd(grid.StepNs, range.RangeNs);
        var span = ((grid.Count - 1) * grid.StepNs) + range.RangeNs;
        var (startNs, _) = StepWindows.Span(grid, range.RangeNs, range.OffsetNs);
        if (span / g <= MaxBuckets)
        {
            var buckets = (int)(span / g);
            var prefix = Enumerable.Range(0, Levels).Select(_ => new long[buckets + 1]).ToArray();
            for (var chunk = 0; chunk < buckets; chunk += LogQueryLimits.MaxHistogramBuckets)
            {
                var size = Math.Min(LogQueryLimits.MaxHistogramBuckets, buckets - chunk);
                var from = startNs + (chunk * g);
                var histogram = await store.SearchAsync(new LogQuery(text, from, from + (size * g), Limit: 0, HistogramBuckets: size), ct);
                for (var b = 0; b < histogram.Histogram.Count; b++)
                {
                    foreach (var (level, n) in histogram.Histogram[b].CountsByLevel)
                    {
                        prefix[(int)level][chunk + b + 1] = n;
                    }
                }
            }

            for (var level = 0; level < Levels; level++)
            {
                for (var b = 1; b <= buckets; b++) prefix[level][b] += prefix[level][b - 1];
                for (var k = 0; k < grid.Count; k++)
                {
                    var first = k * grid.StepNs / g;
                    counts[level][k] = prefix[level][first + (range.RangeNs / g)] - prefix[level][first];
                }
            }

            return counts;
        }

        for (var k = 0; k < grid.Count; k++)
        {
            var from = startNs + (k * grid.StepNs);
            var histogram = await store.SearchAsync(new LogQuery(text, from, from + range.RangeNs, Limit: 0, HistogramBuckets: 1), ct);
            foreach (var (level, n) in histogram.Histogram[0].CountsByLevel)
            {
                counts[(int)level][k] = n;
            }
        }

        return counts;
    }

    private static long Gcd(long a, long b)
    {
        while (b != 0) (a, b) = (b, a % b);
        return a;
    }
}
