namespace AirisEpm.MetricsService.Query;

/// <summary>
/// The φ-quantile of a sample set with linear interpolation between the closest ranks
/// (rank = φ·(n−1)), as Prometheus's <c>quantile_over_time</c> computes it. NaN sorts last.
/// </summary>
public static class Quantiles
{
    public static double Of(IList<double> values, double phi)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentOutOfRangeException.ThrowIfLessThan(phi, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(phi, 1);
        if (values.Count == 0)
        {
            return double.NaN;
        }

        var sorted = values.ToArray();
        Array.Sort(sorted, static (a, b) => double.IsNaN(a) ? (double.IsNaN(b) ? 0 : 1) : double.IsNaN(b) ? -1 : a.CompareTo(b));
        var rank = phi * (sorted.Length - 1);
        var lower = (int)Math.Floor(rank);
        var upper = Math.Min(lower + 1, sorted.Length - 1);
        var weight = rank - lower;
        return weight == 0 ? sorted[lower] : (sorted[lower] * (1 - weight)) + (sorted[upper] * weight);
    }
}
