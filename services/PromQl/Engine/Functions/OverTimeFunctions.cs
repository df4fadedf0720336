using AirisEpm.PromQl.Engine.Aggregation;
using AirisEpm.PromQl.Engine.Evaluation;

namespace AirisEpm.PromQl.Engine.Functions;

/// <summary>The <c>*_over_time</c> functions: an aggregation of each series' samples within the window.</summary>
internal static class OverTimeFunctions
{
    /// <summary>Kahan-summed mean, switching to an incremental mean only if the sum would overflow (Prometheus 3).</summary>
    public static bool Avg(ReadOnlySpan<Point> window, in RangeStep step, out double value)
    {
        double sum = window[0].V, compensation = 0, mean = 0, count = 1;
        var incremental = false;
        for (var i = 1; i < window.Length; i++)
        {
            var f = window[i].V;
            count = i + 1;
            if (!incremental)
            {
                var newSum = sum;
                var newCompensation = compensation;
                KahanSum.Add(f, ref newSum, ref newCompensation);
                if (!double.IsInfinity(newSum))
                {
                    sum = newSum;
                    compensation = newCompensation;
                    continue;
                }

                incremental = true;
                mean = sum / (count - 1);
                compensation /= count - 1;
            }

            var q = (count - 1) / count;
            mean *= q;
            compensation *= q;
            KahanSum.Add(f / count, ref mean, ref compensation);
        }

        value = incremental ? mean + compensation : (sum / count) + (compensation / count);
        return true;
    }

    public static bool Sum(ReadOnlySpan<Point> window, in RangeStep step, out double value)
    {
        double sum = 0, compensation = 0;
        foreach (var point in window)
        {
            KahanSum.Add(point.V, ref sum, ref compensation);
        }

        value = double.IsInfinity(sum) ? sum : sum + compensation;
        return true;
    }

    public static bool Count(ReadOnlySpan<Point> window, in RangeStep step, out double value)
    {
        value = window.Length;
        return true;
    }

    public static bool Min(ReadOnlySpan<Point> window, in RangeStep step, out double value)
    {
        value = window[0].V;
        foreach (var point in window)
        {
            if (point.V < value || double.IsNaN(value))
            {
                value = point.V;
            }
        }

        return true;
    }

    public static bool Max(ReadOnlySpan<Point> window, in RangeStep step, out double value)
    {
        value = window[0].V;
        foreach (var point in window)
        {
            if (point.V > value || double.IsNaN(value))
            {
                value = point.V;
            }
        }

        return true;
    }

    public static bool Last(ReadOnlySpan<Point> window, in RangeStep step, out double value)
    {
        value = window[^1].V;
        return true;
    }

    public static bool First(ReadOnlySpan<Point> window, in RangeStep step, out double value)
    {
        value = window[0].V;
        return true;
    }

    public static bool Present(ReadOnlySpan<Point> window, in RangeStep step, out double value)
    {
        value = 1;
        return true;
    }

    public static bool Stddev(ReadOnlySpan<Point> window, in RangeStep step, out double value)
    {
        value = Math.Sqrt(Variance(window));
        return true;
    }

    public static bool Stdvar(ReadOnlySpan<Point> window, in RangeStep step, out double value)
    {
        value = Variance(window);
        return true;
    }

    public static bool Quantile(ReadOnlySpan<Point> window, in RangeStep step, out double value)
    {
        var values = new List<double>(window.Length);
        foreach (var point in window)
        {
            values.Add(point.V);
        }

        value = QuantileAggregator.Quantile(step.Parameter, values);
        return true;
    }

    public static string? QuantileWarning(double q) =>
        double.IsNaN(q) || q < 0 || q > 1 ? QuantileAggregator.InvalidQuantile(q) : null;

    /// <summary>Welford's variance with Kahan-compensated mean and sum of squares, as Prometheus's varianceOverTime.</summary>
    private static double Variance(ReadOnlySpan<Point> window)
    {
        double count = 0, mean = 0, meanCompensation = 0, aux = 0, auxCompensation = 0;
        foreach (var point in window)
        {
            var f = point.V;
            count++;
            var delta = f - (mean + meanCompensation);
            KahanSum.Add(delta / count, ref mean, ref meanCompensation);
            KahanSum.Add(delta * (f - (mean + meanCompensation)), ref aux, ref auxCompensation);
        }

        return (aux + auxCompensation) / count;
    }
}
