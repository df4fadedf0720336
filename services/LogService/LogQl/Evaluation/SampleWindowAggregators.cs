namespace AirisEpm.LogService.LogQl.Evaluation;

/// <summary>One value a line contributed: its time (Unix ns) and the unwrapped number (1 for a line counted).</summary>
public readonly record struct LineSample(long TimestampNs, double Value);

/// <summary>
/// The range functions over one window's samples (oldest first), one row each, with Loki's arithmetic
/// (<c>pkg/logql/range_vector.go</c>): plain sums, the running mean that keeps infinities, Welford's variance,
/// Prometheus's quantile interpolation, and <c>rate_counter</c> as Prometheus's extrapolated rate with counter
/// resets but over the query's window (Loki's variant; fewer than two samples give 0).
/// </summary>
public static class SampleWindowAggregators
{
    /// <param name="window">The samples of the window, oldest first; never empty.</param>
    /// <param name="windowEndNs">The window's end (the step time minus the offset).</param>
    /// <param name="rangeNs">The range.</param>
    /// <param name="parameter">The function's parameter (the quantile).</param>
    public delegate double Aggregate(ReadOnlySpan<LineSample> window, long windowEndNs, long rangeNs, double parameter);

    public static readonly IReadOnlyDictionary<string, Aggregate> Implementations = new Dictionary<string, Aggregate>(StringComparer.Ordinal)
    {
        ["sum_over_time"] = (w, _, _, _) => Sum(w),
        ["rate"] = (w, _, range, _) => Sum(w) / (range / 1e9),
        ["avg_over_time"] = (w, _, _, _) => Average(w),
        ["max_over_time"] = (w, _, _, _) => Extreme(w, max: true),
        ["min_over_time"] = (w, _, _, _) => Extreme(w, max: false),
        ["stdvar_over_time"] = (w, _, _, _) => Variance(w),
        ["stddev_over_time"] = (w, _, _, _) => Math.Sqrt(Variance(w)),
        ["quantile_over_time"] = (w, _, _, q) => Quantile(q, w),
        ["first_over_time"] = (w, _, _, _) => w[0].Value,
        ["last_over_time"] = (w, _, _, _) => w[^1].Value,
        ["rate_counter"] = (w, end, range, _) => CounterRate(w, end, range),
        ["absent_over_time"] = (_, _, _, _) => 1,
    };

    private static double Sum(ReadOnlySpan<LineSample> window)
    {
        var sum = 0.0;
        foreach (var s in window) sum += s.Value;
        return sum;
    }

    private static double Average(ReadOnlySpan<LineSample> window)
    {
        double mean = 0, count = 0;
        foreach (var s in window)
        {
            count++;
            if (double.IsInfinity(mean))
            {
                // An infinite mean stays as it is for a same-signed infinity or any finite value (Inf − Inf would be NaN).
                if (double.IsInfinity(s.Value) && (mean > 0) == (s.Value > 0)) continue;
                if (!double.IsInfinity(s.Value) && !double.IsNaN(s.Value)) continue;
            }

            mean += (s.Value / count) - (mean / count);
        }

        return mean;
    }

    private static double Extreme(ReadOnlySpan<LineSample> window, bool max)
    {
        var best = window[0].Value;
        foreach (var s in window)
        {
            if ((max ? s.Value > best : s.Value < best) || double.IsNaN(best)) best = s.Value;
        }

        return best;
    }

    private static double Variance(ReadOnlySpan<LineSample> window)
    {
        double aux = 0, count = 0, mean = 0;
        foreach (var s in window)
        {
            count++;
            var delta = s.Value - mean;
            mean += delta / count;
            aux += delta * (s.Value - mean);
        }

        return aux / count;
    }

    /// <summary>Prometheus's quantile: NaN for no values, ±Inf outside [0, 1], else the weighted neighbours of rank q·(n−1).</summary>
    public static double Quantile(double q, ReadOnlySpan<LineSample> window)
    {
        if (window.IsEmpty) return double.NaN;
        if (q < 0) return double.NegativeInfinity;
        if (q > 1) return double.PositiveInfinity;
        var values = new double[window.Length];
        for (var i = 0; i < values.Length; i++) values[i] = window[i].Value;
        Array.Sort(values);
        var n = (double)values.Length;
        var rank = q * (n - 1);
        var lower = Math.Max(0, Math.Floor(rank));
        var upper = Math.Min(n - 1, lower + 1);
        var weight = rank - Math.Floor(rank);
        return (values[(int)lower] * (1 - weight)) + (values[(int)upper] * weight);
    }

    private static double CounterRate(ReadOnlySpan<LineSample> samples, long windowEndNs, long rangeNs)
    {
        if (samples.Length < 2) return 0;
        var rangeStart = windowEndNs - rangeNs;
        var result = samples[^1].Value - samples[0].Value;
        var last = 0.0;
        foreach (var s in samples)
        {
            if (s.Value < last) result += last;
            last = s.Value;
        }

        var toStart = (samples[0].TimestampNs - rangeStart) / 1e9;
        var toEnd = (windowEndNs - samples[^1].TimestampNs) / 1e9;
        var sampled = (samples[^1].TimestampNs - samples[0].TimestampNs) / 1e9;
        var average = sampled / (samples.Length - 1);
        var threshold = average * 1.1;
        if (toStart >= threshold) toStart = average / 2;

        // A counter cannot go below zero: extrapolate back no further than where it would have been zero.
        var toZero = toStart;
        if (result > 0 && samples[0].Value >= 0) toZero = sampled * (samples[0].Value / result);
        if (toZero < toStart) toStart = toZero;
        if (toEnd >= threshold) toEnd = average / 2;
        return result * ((sampled + toStart + toEnd) / sampled) / (rangeNs / 1e9);
    }
}
