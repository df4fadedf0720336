using AirisEpm.PromQl.Engine.Evaluation;
using AirisEpm.PromQl.Model;

namespace AirisEpm.PromQl.Engine.Aggregation;

/// <summary>
/// <c>by (labels)</c> keeps those labels (the name only if listed); <c>without (labels)</c> drops them and the
/// name. Groups are numbered in the order their first series appears, Prometheus's output order.
/// </summary>
internal sealed class Grouping
{
    private readonly HashSet<string> _names;
    private readonly bool _without;

    public Grouping(IReadOnlyList<string> labels, bool without)
    {
        _without = without;
        _names = without ? [.. labels, LabelSet.MetricName] : [.. labels];
    }

    public LabelSet KeyOf(LabelSet metric) => _without ? metric.Without(_names) : metric.Keep(_names);

    /// <summary>The group of each series and the groups' labels.</summary>
    public (int[] GroupOf, List<LabelSet> Keys) Assign(List<StepSeries> series)
    {
        var groupOf = new int[series.Count];
        var keys = new List<LabelSet>();
        var index = new Dictionary<LabelSet, int>();
        for (var i = 0; i < series.Count; i++)
        {
            var key = KeyOf(series[i].Metric);
            if (!index.TryGetValue(key, out var g))
            {
                g = keys.Count;
                index[key] = g;
                keys.Add(key);
            }

            groupOf[i] = g;
        }

        return (groupOf, keys);
    }
}
