using AirisEpm.PromQl.Engine.Evaluation;
using AirisEpm.PromQl.Model;

namespace AirisEpm.PromQl.Engine.Aggregation;

/// <summary>count_values("label", v): per step, how many series have each value, the value in <c>label</c>.</summary>
internal static class CountValuesAggregator
{
    public static List<StepSeries> Aggregate(
        string label, IReadOnlyList<string> grouping, bool without, List<StepSeries> input, int steps, CancellationToken cancellationToken)
    {
        if (!LabelText.IsValidName(label))
        {
            throw QueryContext.Error($"invalid label name {PromQlString.Quote(label)}");
        }

        // The value label is one of the grouping labels of a by() clause.
        var groups = new Grouping(without ? grouping : [.. grouping, label], without);
        var keyCache = new Dictionary<(int Series, ulong Bits), LabelSet>();
        var outputs = new Dictionary<LabelSet, StepSeries>();
        var order = new List<LabelSet>();
        var counts = new Dictionary<LabelSet, int>();
        for (var i = 0; i < steps; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            counts.Clear();
            for (var s = 0; s < input.Count; s++)
            {
                var v = input[s].Values[i];
                if (Missing.Is(v))
                {
                    continue;
                }

                var cacheKey = (s, BitConverter.DoubleToUInt64Bits(v));
                if (!keyCache.TryGetValue(cacheKey, out var key))
                {
                    key = groups.KeyOf(input[s].Metric.With(label, PromFloat.Format(v)));
                    keyCache[cacheKey] = key;
                }

                counts[key] = counts.GetValueOrDefault(key) + 1;
            }

            foreach (var (key, count) in counts)
            {
                if (!outputs.TryGetValue(key, out var output))
                {
                    output = new StepSeries(key, Missing.NewArray(steps));
                    outputs[key] = output;
                    order.Add(key);
                }

                output.Values[i] = count;
            }
        }

        return order.ConvertAll(key => outputs[key]);
    }
}
