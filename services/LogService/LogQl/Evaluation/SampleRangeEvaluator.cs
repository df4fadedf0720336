using AirisEpm.LogService.LogQl.Ast;
using AirisEpm.PromQl.Model;

namespace AirisEpm.LogService.LogQl.Evaluation;

/// <summary>
/// Evaluates the range functions that need each window's samples, not just counts: those over <c>| unwrap</c>
/// (<c>sum_over_time</c>, <c>avg_over_time</c>, <c>quantile_over_time</c>, <c>rate_counter</c>, …) and
/// <c>absent_over_time</c>. Each line passing the pipeline gives one sample: the unwrapped label read by its
/// conversion (a line without the label gives none; one that does not read is marked
/// <c>SampleExtractionErr</c> before the unwrap's own filters run). Samples are grouped into series as Loki's
/// extractor groups them: <c>by (…)</c> keeps those labels, otherwise the unwrapped label (and the
/// <c>without</c> ones) are dropped. Each series' samples are sorted once; every step's window
/// (t − offset − range, t − offset] is found by two pointers and aggregated by
/// <see cref="SampleWindowAggregators"/>. The samples visited over all windows are bounded by
/// <see cref="MaxWindowSamples"/>, so a huge range over a fine step is refused rather than left to spin.
/// </summary>
public sealed class SampleRangeEvaluator(EvaluationContext context)
{
    /// <summary>Samples aggregated over all windows of one query, 50,000,000: a few seconds of CPU at most.</summary>
    public const long MaxWindowSamples = 50_000_000;

    public async Task<MatrixValue> EvaluateAsync(RangeAggregationExpr expr, StepGrid grid)
    {
        ArgumentNullException.ThrowIfNull(expr);
        ArgumentNullException.ThrowIfNull(grid);
        var samples = await CollectAsync(expr, grid);
        var aggregate = SampleWindowAggregators.Implementations[expr.Function.Name];
        var absent = expr.Function.Name == "absent_over_time";
        var anyAt = absent ? new bool[grid.Count] : null;
        var result = new List<Series>();
        var visited = 0L;
        foreach (var (labels, list) in samples)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            var sorted = list.OrderBy(s => s.TimestampNs).ToArray();
            var series = new Series(labels, grid.Count);
            int lo = 0, hi = 0;
            for (var k = 0; k < grid.Count; k++)
            {
                var endNs = grid.Time(k) - expr.Range.OffsetNs;
                while (hi < sorted.Length && sorted[hi].TimestampNs <= endNs) hi++;
                while (lo < hi && sorted[lo].TimestampNs <= endNs - expr.Range.RangeNs) lo++;
                if (hi == lo) continue;
                if (anyAt is not null)
                {
                    anyAt[k] = true;
                    continue;
                }

                visited += hi - lo;
                if (visited > MaxWindowSamples) throw TooMuchWork();
                series.Set(k, aggregate(sorted.AsSpan(lo, hi - lo), endNs, expr.Range.RangeNs, expr.Parameter ?? 0));
            }

            if (!series.IsEmpty) result.Add(series);
        }

        if (anyAt is null) return new MatrixValue(result);
        var missing = new Series(AbsentLabels(expr.Range.Selector.Matchers), grid.Count);
        for (var k = 0; k < grid.Count; k++)
        {
            if (!anyAt[k]) missing.Set(k, 1);
        }

        return new MatrixValue(missing.IsEmpty ? [] : [missing]);
    }

    private async Task<Dictionary<LabelSet, List<LineSample>>> CollectAsync(RangeAggregationExpr expr, StepGrid grid)
    {
        var range = expr.Range;
        var filter = await RangeLines.FilterAsync(context, range, grid);
        var samples = new Dictionary<LabelSet, List<LineSample>>();
        await foreach (var (record, labels, _, _, _) in RangeLines.ReadAsync(context, range, grid, filter))
        {
            if (!TryValue(range.Unwrap, labels, out var value)) continue;
            context.Statistics.TotalPostFilterLines++;
            var set = labels.ToLabelSet();
            if (labels.Error is { } error) throw RangeAggregationEvaluator.PipelineError(error, set);
            var key = SeriesKey(expr, set);
            if (!samples.TryGetValue(key, out var list))
            {
                context.CheckSeries(samples.Count + 1);
                samples[key] = list = [];
            }

            list.Add(new LineSample(record.TimestampNs, value));
        }

        return samples;
    }

    /// <summary>The line's sample: 1 without unwrap; else the label's value, false when the line has none or the unwrap's filters drop it.</summary>
    private static bool TryValue(Unwrap? unwrap, LineLabels labels, out double value)
    {
        value = 1;
        if (unwrap is null) return true;
        if (labels.Get(unwrap.Label) is not { Length: > 0 } text) return false;
        if (!UnwrapValues.TryConvert(text, unwrap.Conversion, out value, out var error))
        {
            value = 0;
            labels.SetError(UnwrapValues.ErrorName, error);
        }

        foreach (var filter in unwrap.PostFilters)
        {
            if (!LabelPredicateEvaluator.Holds(filter, labels)) return false;
        }

        return true;
    }

    /// <summary>Loki's extractor grouping: absent has no labels; <c>by</c> keeps its labels; otherwise the unwrapped and <c>without</c> labels go.</summary>
    private static LabelSet SeriesKey(RangeAggregationExpr expr, LabelSet labels)
    {
        if (expr.Function.Name == "absent_over_time") return LabelSet.Empty;
        if (expr.Grouping is { Without: false } by) return Groupings.Key(labels, by);
        var drop = new HashSet<string>(expr.Grouping?.Labels ?? [], StringComparer.Ordinal);
        if (expr.Range.Unwrap is { } unwrap) drop.Add(unwrap.Label);
        return labels.Without(drop);
    }

    /// <summary>Loki's <c>absentLabels</c>: the selector's equality matchers, except a name matched twice or by another operator.</summary>
    private static LabelSet AbsentLabels(IReadOnlyList<Matcher> matchers)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        var dropped = new HashSet<string>(StringComparer.Ordinal);
        foreach (var matcher in matchers)
        {
            if (matcher.Op == MatchOp.Equal && !labels.ContainsKey(matcher.Name)) labels[matcher.Name] = matcher.Value;
            else dropped.Add(matcher.Name);
        }

        return LabelSet.From(labels.Where(l => !dropped.Contains(l.Key)).Select(l => new Label(l.Key, l.Value)));
    }

    private static LogQlExecutionException TooMuchWork() => new(ExecutionProblem.TooMuchWork,
        $"the query would aggregate more than {MaxWindowSamples:N0} samples over its windows; use a larger step, a shorter range or a narrower selector");
}
