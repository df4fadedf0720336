namespace AirisEpm.TraceService.Analysis.Anomalies;

/// <summary>Median and median absolute deviation of a small sample (sorted copies; the window is tens of values).</summary>
internal static class RobustBaseline
{
    /// <summary>1.4826 × MAD estimates the standard deviation of normally distributed data.</summary>
    public const double MadToSigma = 1.4826;

    public static (double Median, double Sigma) Of(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        var median = Median(sorted);
        var deviations = sorted.Select(v => Math.Abs(v - median)).Order().ToArray();
        return (median, MadToSigma * Median(deviations));
    }

    private static double Median(double[] sorted)
    {
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
