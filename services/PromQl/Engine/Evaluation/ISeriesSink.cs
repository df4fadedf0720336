using AirisEpm.PromQl.Model;

namespace AirisEpm.PromQl.Engine.Evaluation;

/// <summary>
/// Takes an instant vector's series one at a time, as a function over a range vector computes them, so an
/// aggregation over that function need not hold all of them.
/// </summary>
internal interface ISeriesSink
{
    /// <summary>An array of <paramref name="steps"/> values, all <see cref="Missing"/>, for the next series.</summary>
    double[] Rent(int steps);

    /// <summary>The next series; <paramref name="values"/> came from <see cref="Rent"/> and is the sink's again once this returns.</summary>
    void Accept(LabelSet metric, double[] values);
}
