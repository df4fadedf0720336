using AirisEpm.PromQl.Model;

namespace AirisEpm.PromQl.Engine.Evaluation;

/// <summary>A sink that keeps every series it is given, each in its own array: the instant vector itself.</summary>
internal sealed class SeriesCollector : ISeriesSink
{
    public List<StepSeries> Series { get; } = [];

    public double[] Rent(int steps) => Missing.NewArray(steps);

    public void Accept(LabelSet metric, double[] values) => Series.Add(new StepSeries(metric, values));
}
