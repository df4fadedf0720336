namespace AirisEpm.MetricsService.Protocols.Otlp.Delta;

/// <summary>
/// An OTLP exponential histogram point. At scale s the base is 2^(2^−s); positive bucket i counts the values in
/// (base^i, base^(i+1)], negative bucket i those in [−base^(i+1), −base^i), the zero bucket those in [−ZeroThreshold, ZeroThreshold].
/// </summary>
public sealed record ExponentialHistogramCounts(
    int Scale, double ZeroThreshold, ulong ZeroCount, ExponentialBuckets Positive, ExponentialBuckets Negative, ulong Count, double Sum, bool HasSum)
    : IAccumulable<ExponentialHistogramCounts>
{
    public const int MinScale = -10;
    public const int MaxScale = 20;

    /// <summary>A running total keeps at most this many buckets a side (the OpenTelemetry SDKs' default maximum size), downscaling past it.</summary>
    public const int MaxBucketsPerSide = 160;

    /// <summary>
    /// Both added at the lower of the two scales (the finer one's buckets merge pairwise per step, losing no count), as the
    /// collector's deltatocumulative does, and lower still until each side spans at most <see cref="MaxBucketsPerSide"/>
    /// buckets (found before any bucket is allocated). Zero thresholds that differ, or sides too far apart to fit even at
    /// <see cref="MinScale"/>, restart the stream.
    /// </summary>
    public ExponentialHistogramCounts? Plus(ExponentialHistogramCounts delta)
    {
        ArgumentNullException.ThrowIfNull(delta);
        if (ZeroThreshold != delta.ZeroThreshold)
        {
            return null;
        }

        var common = Math.Min(Scale, delta.Scale);
        var (p1, p2) = (Positive.Trimmed().Downscale(Scale - common), delta.Positive.Trimmed().Downscale(delta.Scale - common));
        var (n1, n2) = (Negative.Trimmed().Downscale(Scale - common), delta.Negative.Trimmed().Downscale(delta.Scale - common));
        var lower = 0;
        while (ExponentialBuckets.MergedSpan(p1, p2, lower) > MaxBucketsPerSide || ExponentialBuckets.MergedSpan(n1, n2, lower) > MaxBucketsPerSide)
        {
            if (common - lower <= MinScale)
            {
                return null;
            }

            lower++;
        }

        return new ExponentialHistogramCounts(
            common - lower, ZeroThreshold, ZeroCount + delta.ZeroCount, p1.Downscale(lower).Plus(p2.Downscale(lower)), n1.Downscale(lower).Plus(n2.Downscale(lower)),
            Count + delta.Count, Sum + delta.Sum, HasSum && delta.HasSum);
    }

    /// <summary>base^index at this scale: 2^(index·2^−scale); ±infinity or 0 where that leaves the doubles.</summary>
    public static double Bound(int scale, long index) => scale >= 0
        ? Math.Pow(2, index / (double)(1L << scale))
        : Math.ScaleB(1.0, (int)Math.Clamp(index << -scale, -4096, 4096));

    /// <summary>
    /// Classic cumulative buckets at this histogram's own bucket boundaries, in increasing order of upper bound, without
    /// +Inf (which is <see cref="Count"/>): for each negative bucket i, le = −base^i; the zero bucket's le = ZeroThreshold;
    /// for each positive bucket i, le = base^(i+1). Each populated side also gets the outer edge of its first bucket
    /// (le = −base^(i+1) of the most negative bucket, le = base^i of the lowest positive one), so histogram_quantile
    /// interpolates inside the bucket's own range rather than from 0.
    /// <para>Error bound: a quantile whose true value v lies in positive bucket i, (base^i, base^(i+1)], is estimated by
    /// linear interpolation between those two bounds, so |estimate − v| ≤ base^(i+1) − base^i = base^i·(base − 1) &lt; v·(base − 1):
    /// the relative error is below base − 1 = 2^(2^−scale) − 1 (0.27% at scale 8, 4.4% at scale 4, 100% at scale 0); likewise for
    /// |v| on the negative side. A value in the zero bucket is off by at most 2·ZeroThreshold.</para>
    /// Bounds that are not finite, or not above the previous one (only at scales and indices beyond what doubles hold), emit
    /// nothing of their own: their counts go to the next bucket up.
    /// </summary>
    public List<(double UpperBound, ulong Cumulative)> ClassicBuckets()
    {
        var buckets = new List<(double UpperBound, ulong Cumulative)>();
        ulong cumulative = 0;
        void Emit(double bound)
        {
            if (double.IsFinite(bound) && (buckets.Count == 0 || bound > buckets[^1].UpperBound))
            {
                buckets.Add((bound, cumulative));
            }
        }

        var negative = Negative.Trimmed();
        if (negative.Counts.Length > 0)
        {
            var highest = (long)negative.Offset + negative.Counts.Length - 1;
            Emit(-Bound(Scale, highest + 1));
            for (var k = negative.Counts.Length - 1; k >= 0; k--)
            {
                cumulative += negative.Counts[k];
                Emit(-Bound(Scale, negative.Offset + k));
            }
        }

        if (ZeroCount > 0 || negative.Counts.Length > 0)
        {
            cumulative += ZeroCount;
            Emit(ZeroThreshold);
        }

        var positive = Positive.Trimmed();
        if (positive.Counts.Length > 0)
        {
            Emit(Bound(Scale, positive.Offset));
            for (var k = 0; k < positive.Counts.Length; k++)
            {
                cumulative += positive.Counts[k];
                Emit(Bound(Scale, (long)positive.Offset + k + 1));
            }
        }

        return buckets;
    }
}
