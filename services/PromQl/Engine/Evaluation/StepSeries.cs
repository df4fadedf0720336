using AirisEpm.PromQl.Model;

namespace AirisEpm.PromQl.Engine.Evaluation;

/// <summary>One series of an instant-vector expression over a grid: a value per step, <see cref="Missing"/> where absent.</summary>
internal sealed class StepSeries(LabelSet metric, double[] values)
{
    public LabelSet Metric { get; set; } = metric;

    public double[] Values { get; } = values;

    public int PresentCount()
    {
        var count = 0;
        foreach (var value in Values)
        {
            if (!Missing.Is(value))
            {
                count++;
            }
        }

        return count;
    }

    public bool HasAny()
    {
        foreach (var value in Values)
        {
            if (!Missing.Is(value))
            {
                return true;
            }
        }

        return false;
    }
}
