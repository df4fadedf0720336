using AirisEpm.LogService.LogQl.Ast;
using AirisEpm.PromQl.Engine.Functions;
using AirisEpm.PromQl.Model;

namespace AirisEpm.LogService.LogQl.Evaluation;

/// <summary>
/// <c>label_replace</c>, as Loki's <c>LabelReplaceEvaluator</c> and Prometheus's: where the source label's value
/// (empty when absent) matches the whole regex, the destination becomes the replacement with <c>$1</c>,
/// <c>${name}</c> expanded (Go's rules, PromQL's <see cref="GoRegexTemplate"/>), or is removed when that is
/// empty; other series keep their labels. Series that end with the same labels merge; two samples at one step
/// for the same labels are Prometheus's error.
/// </summary>
public static class LabelReplacer
{
    public static MatrixValue Apply(LabelReplaceExpr expr, MatrixValue input, int steps)
    {
        ArgumentNullException.ThrowIfNull(expr);
        ArgumentNullException.ThrowIfNull(input);
        var regex = GoRegexTemplate.TryCompile(expr.Regex) ?? throw new ArgumentException("the parser checks label_replace's regex", nameof(expr));
        var output = new Dictionary<LabelSet, Series>();
        foreach (var series in input.Series)
        {
            var labels = regex.Replace(series.Labels[expr.Source] ?? "", expr.Replacement) is { } replaced
                ? series.Labels.With(expr.Destination, replaced)
                : series.Labels;
            if (!output.TryGetValue(labels, out var merged))
            {
                output[labels] = merged = new Series(labels, steps);
            }

            for (var k = 0; k < steps; k++)
            {
                if (!series.Present[k]) continue;
                if (merged.Present[k]) throw new LogQlExecutionException(ExecutionProblem.Evaluation, "vector cannot contain metrics with the same labelset");
                merged.Set(k, series.Values[k]);
            }
        }

        return new MatrixValue([.. output.Values]);
    }
}
