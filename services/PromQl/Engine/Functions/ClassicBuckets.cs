namespace AirisEpm.PromQl.Engine.Functions;

/// <summary>One cumulative bucket of a classic histogram: observations at most <see cref="UpperBound"/> (the <c>le</c> label).</summary>
internal record struct Bucket(double UpperBound, double Count);

/// <summary>
/// Prometheus's quantile and fraction over classic buckets: sorted by bound, equal bounds merged, counts made
/// monotonic (tiny float differences silently, real decreases forced), then linear interpolation within the
/// bucket that holds the rank.
/// </summary>
internal static class ClassicBuckets
{
    private const double SmallDeltaTolerance = 1e-12;
    private const double MinNormal = 2.2250738585072014e-308;

    public static double Quantile(double q, List<Bucket> buckets)
    {
        if (double.IsNaN(q))
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

        Sort(buckets);
        if (!double.IsPositiveInfinity(buckets[^1].UpperBound))
        {
            return double.NaN;
        }

        Coalesce(buckets);
        EnsureMonotonic(buckets);
        if (buckets.Count < 2)
        {
            return double.NaN;
        }

        var observations = buckets[^1].Count;
        if (observations == 0)
        {
            return double.NaN;
        }

        var rank = q * observations;
        // Go's sort.Search over all but the +Inf bucket (a binary search, which matters only for NaN counts).
        int b = 0, j = buckets.Count - 1;
        while (b < j)
        {
            var h = (b + j) >>> 1;
            if (!(buckets[h].Count >= rank))
            {
                b = h + 1;
            }
            else
            {
                j = h;
            }
        }

        if (b == buckets.Count - 1)
        {
            return buckets[^2].UpperBound;
        }

        if (b == 0 && buckets[0].UpperBound <= 0)
        {
            return buckets[0].UpperBound;
        }

        var bucketStart = 0.0;
        var bucketEnd = buckets[b].UpperBound;
        var count = buckets[b].Count;
        if (b > 0)
        {
            bucketStart = buckets[b - 1].UpperBound;
            count -= buckets[b - 1].Count;
            rank -= buckets[b - 1].Count;
        }

        return bucketStart + ((bucketEnd - bucketStart) * (rank / count));
    }

    /// <summary>The estimated share of observations between <paramref name="lower"/> and <paramref name="upper"/>.</summary>
    public static double Fraction(double lower, double upper, List<Bucket> buckets)
    {
        Sort(buckets);
        if (!double.IsPositiveInfinity(buckets[^1].UpperBound))
        {
            return double.NaN;
        }

        Coalesce(buckets);
        var count = buckets[^1].Count;
        if (count == 0 || double.IsNaN(lower) || double.IsNaN(upper))
        {
            return double.NaN;
        }

        if (lower >= upper)
        {
            return 0;
        }

        double rank = 0, lowerRank = 0, upperRank = 0;
        bool lowerSet = false, upperSet = false;
        var lowerBound = buckets[0].UpperBound <= 0 ? double.NegativeInfinity : 0.0;
        for (var i = 0; i < buckets.Count; i++)
        {
            if (i > 0)
            {
                lowerBound = buckets[i - 1].UpperBound;
            }

            var upperBound = buckets[i].UpperBound;
            var bucketCount = buckets[i].Count;
            double Interpolate(double v) =>
                double.IsNegativeInfinity(lowerBound) ? bucketCount : rank + ((bucketCount - rank) * (v - lowerBound) / (upperBound - lowerBound));

            if (!lowerSet && lowerBound >= lower)
            {
                lowerRank = rank;
                lowerSet = true;
            }

            if (!upperSet && lowerBound >= upper)
            {
                upperRank = rank;
                upperSet = true;
            }

            if (lowerSet && upperSet)
            {
                break;
            }

            if (!lowerSet && lowerBound < lower && upperBound > lower)
            {
                lowerRank = Interpolate(lower);
                lowerSet = true;
            }

            if (!upperSet && lowerBound < upper && upperBound > upper)
            {
                upperRank = Interpolate(upper);
                upperSet = true;
            }

            if (lowerSet && upperSet)
            {
                break;
            }

            rank = bucketCount;
        }

        if (!lowerSet || lowerRank > count)
        {
            lowerRank = count;
        }

        if (!upperSet || upperRank > count)
        {
            upperRank = count;
        }

        return (upperRank - lowerRank) / count;
    }

    private static void Sort(List<Bucket> buckets)
    {
        // Go's slices.SortFunc is not stable either; equal bounds are merged next, so their order does not matter.
        buckets.Sort(static (a, b) => a.UpperBound < b.UpperBound ? -1 : a.UpperBound > b.UpperBound ? 1 : 0);
    }

    private static void Coalesce(List<Bucket> buckets)
    {
        var last = buckets[0];
        var kept = 0;
        for (var i = 1; i < buckets.Count; i++)
        {
            if (buckets[i].UpperBound == last.UpperBound)
            {
                last.Count += buckets[i].Count;
            }
            else
            {
                buckets[kept++] = last;
                last = buckets[i];
            }
        }

        buckets[kept++] = last;
        buckets.RemoveRange(kept, buckets.Count - kept);
    }

    private static void EnsureMonotonic(List<Bucket> buckets)
    {
        var previous = buckets[0].Count;
        for (var i = 1; i < buckets.Count; i++)
        {
            var current = buckets[i].Count;
            if (current == previous)
            {
                continue;
            }

            if (AlmostEqual(previous, current, SmallDeltaTolerance) || current < previous)
            {
                // Ignore float noise silently and force real decreases away; either way keep the previous count.
                buckets[i] = buckets[i] with { Count = previous };
                continue;
            }

            previous = current;
        }
    }

    /// <summary>Prometheus's <c>almost.Equal</c>.</summary>
    private static bool AlmostEqual(double a, double b, double epsilon)
    {
        if ((double.IsNaN(a) && double.IsNaN(b)) || a == b)
        {
            return true;
        }

        var absSum = Math.Abs(a) + Math.Abs(b);
        var diff = Math.Abs(a - b);
        if (a == 0 || b == 0 || absSum < MinNormal)
        {
            return diff < epsilon * MinNormal;
        }

        return diff / Math.Min(absSum, double.MaxValue) < epsilon;
    }
}
