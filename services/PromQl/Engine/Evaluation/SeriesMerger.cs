using AirisEpm.PromQl.Model;

namespace AirisEpm.PromQl.Engine.Evaluation;

/// <summary>
/// Series that end up with the same labels (a function or operator dropped the name) become one series, as
/// Prometheus's step-wise assembly makes them; two of them with a value at the same step is Prometheus's
/// "vector cannot contain metrics with the same labelset".
/// </summary>
internal static class SeriesMerger
{
    public static List<StepSeries> MergeSameLabels(List<StepSeries> series)
    {
        if (series.Count < 2)
        {
            return series;
        }

        var firstByLabels = new Dictionary<LabelSet, int>(series.Count);
        List<StepSeries>? merged = null;
        HashSet<int>? copied = null;
        for (var i = 0; i < series.Count; i++)
        {
            var s = series[i];
            if (!firstByLabels.TryGetValue(s.Metric, out var first))
            {
                firstByLabels[s.Metric] = merged?.Count ?? i;
                merged?.Add(s);
                continue;
            }

            merged ??= series.GetRange(0, i);
            copied ??= new HashSet<int>();
            if (copied.Add(first))
            {
                // Input arrays may be shared with other results: merge into a copy.
                merged[first] = new StepSeries(merged[first].Metric, (double[])merged[first].Values.Clone());
            }

            MergeInto(merged[first].Values, s.Values);
        }

        return merged ?? series;
    }

    private static void MergeInto(double[] target, double[] source)
    {
        for (var i = 0; i < target.Length; i++)
        {
            if (Missing.Is(source[i]))
            {
                continue;
            }

            if (!Missing.Is(target[i]))
            {
                throw QueryContext.Error(QueryContext.DuplicateLabelsetMessage);
            }

            target[i] = source[i];
        }
    }
}
