using AirisEpm.PromQl.Model;

namespace AirisEpm.PromQl.Engine.Evaluation;

/// <summary>
/// Collects step values into output series by labels, as Prometheus's range evaluation does; a second value
/// for the same labels at the same step is "vector cannot contain metrics with the same labelset". Series come
/// out in the order of the input that first produced them, which is Prometheus's order for an instant query.
/// </summary>
internal sealed class OutputBuilder(int steps, FirstError errors)
{
    private readonly Dictionary<LabelSet, (StepSeries Series, long Order)> _byLabels = [];

    public void Add(LabelSet metric, int step, double value, long order)
    {
        if (!_byLabels.TryGetValue(metric, out var entry))
        {
            entry = (new StepSeries(metric, Missing.NewArray(steps)), order);
            _byLabels[metric] = entry;
        }
        else if (order < entry.Order)
        {
            _byLabels[metric] = entry with { Order = order };
        }

        if (!Missing.Is(entry.Series.Values[step]))
        {
            errors.Offer(step, 2, order, QueryContext.DuplicateLabelsetMessage);
            return;
        }

        entry.Series.Values[step] = value;
    }

    public List<StepSeries> Build()
    {
        var entries = _byLabels.Values.ToList();
        entries.Sort(static (a, b) => a.Order.CompareTo(b.Order));
        return entries.ConvertAll(static e => e.Series);
    }
}
