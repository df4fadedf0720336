using AirisEpm.PromQl.Engine.Evaluation;
using AirisEpm.PromQl.Model;

namespace AirisEpm.PromQl.Engine.Aggregation;

/// <summary>quantile(φ, v): per step and group, Prometheus's interpolated quantile of the group's values.</summary>
internal static class QuantileAggregator
{
    public static List<StepSeries> Aggregate(
        double[] q, List<StepSeries> input, int[] groupOf, List<LabelSet> keys, int steps, QueryContext context)
    {
        WarnAboutParameter(q, context);
        var members = new List<int>[keys.Count];
        for (var g = 0; g < keys.Count; g++)
        {
            members[g] = [];
        }

        for (var s = 0; s < input.Count; s++)
        {
            members[groupOf[s]].Add(s);
        }

        var output = new List<StepSeries>(keys.Count);
        var buffer = new List<double>();
        for (var g = 0; g < keys.Count; g++)
        {
            context.ThrowIfCancelled();
            var values = Missing.NewArray(steps);
            var any = false;
            for (var i = 0; i < steps; i++)
            {
                buffer.Clear();
                foreach (var s in members[g])
                {
                    var v = input[s].Values[i];
                    if (!Missing.Is(v))
                    {
                        buffer.Add(v);
                    }
                }

                if (buffer.Count > 0)
                {
                    values[i] = Quantile(q[i], buffer);
                    any = true;
                }
            }

            if (any)
            {
                output.Add(new StepSeries(keys[g], values));
            }
        }

        return output;
    }

    /// <summary>Prometheus's <c>quantile</c>: sorted with NaN first, linear interpolation between closest ranks.</summary>
    public static double Quantile(double q, List<double> values)
    {
        if (values.Count == 0 || double.IsNaN(q))
        {
            return double.NaN;
        }

        if (q < 0)
        {
            return double.NegativeInfinity;
        }

        if (q > 1)
        {
            return double.PositiveInfinity;
        }

        values.Sort(static (a, b) => double.IsNaN(a) ? (double.IsNaN(b) ? 0 : -1) : double.IsNaN(b) ? 1 : a.CompareTo(b));
        var n = (double)values.Count;
        var rank = q * (n - 1);
        var lower = Math.Max(0, Math.Floor(rank));
        var upper = Math.Min(n - 1, lower + 1);
        var weight = rank - Math.Floor(rank);
        return (values[(int)lower] * (1 - weight)) + (values[(int)upper] * weight);
    }

    public static void WarnAboutParameter(double[] q, QueryContext context)
    {
        if (q.Length == 0)
        {
            return;
        }

        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        var anyNaN = false;
        foreach (var value in q)
        {
            anyNaN |= double.IsNaN(value);
            min = Math.Min(min, value);
            max = Math.Max(max, value);
        }

        if (anyNaN)
        {
            context.Warn(InvalidQuantile(double.NaN));
        }

        if (max > 1)
        {
            context.Warn(InvalidQuantile(max));
        }

        if (min < 0)
        {
            context.Warn(InvalidQuantile(min));
        }
    }

    public static string InvalidQuantile(double q) => $"PromQL warning: quantile value should be between 0 and 1, got {PromFloat.FormatG(q)}";
}
