using AirisEpm.PromQl.Model;

namespace AirisEpm.LogService.LogQl.Evaluation;

/// <summary>One series over a <see cref="StepGrid"/>: a value per step, and whether the series has a sample at that step at all.</summary>
public sealed class Series
{
    public Series(LabelSet labels, int steps)
    {
        Labels = labels ?? throw new ArgumentNullException(nameof(labels));
        Values = new double[steps];
        Present = new bool[steps];
    }

    public LabelSet Labels { get; }

    public double[] Values { get; }

    public bool[] Present { get; }

    public bool IsEmpty => !Present.Contains(true);

    public void Set(int step, double value)
    {
        Values[step] = value;
        Present[step] = true;
    }
}
