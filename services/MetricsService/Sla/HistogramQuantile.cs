namespace AirisEpm.MetricsService.Sla;

/// <summary>
/// Quantile of a cumulative bucketed histogram, as Prometheus' histogram_quantile computes it:
/// find the bucket holding the rank, interpolate linearly inside it (the lowest bucket starts at 0;
/// a rank in the +Inf bucket answers the highest finite bound).
/// </summary>
public static class HistogramQuantile
{
    public static double? Compute(double quantile, IReadOnlyDictionary<double, double> cumulativeBuckets)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(quantile, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(quantile, 1);
        ArgumentNullException.ThrowIfNull(cumulativeBuckets);
        var buckets = cumulativeBuckets.OrderBy(b => b.Key).ToList();
        if (buckets.Count == 0 || !double.IsPositiveInfinity(buckets[^1].Key))
        {
            return null;
        }

        var total = buckets[^1].Value;
        if (total <= 0)
        {
            return null;
        }

        var rank = quantile * total;
        var lowerBound = 0.0;
        var lowerCount = 0.0;
        foreach (var (upperBound, count) in buckets)
        {
            if (count >= rank)
            {
                if (double.IsPositiveInfinity(upperBound))
                {
                    return buckets.Count > 1 ? buckets[^2].Key : null;
                }

                var inBucket = count - lowerCount;
                return inBucket <= 0 ? upperBound : lowerBound + ((upperBound - lowerBound) * (rank - lowerCount) / inBucket);
            }

            lowerBound = upperBound;
            lowerCount = count;
        }

        return null;
    }
}
