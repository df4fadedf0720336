using AirisEpm.PromQl.Model;

namespace AirisEpm.MetricsService.Query;

/// <summary>
/// Increase of a counter per step bucket. Each pair of consecutive samples contributes to the
/// bucket of its later sample: the difference, or — when the value dropped, a counter reset — the
/// later value itself (the counter restarted from zero). Buckets therefore add up exactly to the
/// increase over the whole range; unlike Prometheus there is no extrapolation to the bucket edges.
/// <code>
///   values  5   9 | 12   2   6 | 10
///   bucket    0   |      1     |  2     → increase 4 | 3+2+4=9 | 4
/// </code>
/// A bucket with no pair is NaN (no data), never 0. Stale markers (<see cref="StaleMarker"/>) are skipped
/// as Prometheus drops them from range vectors: the sample after one pairs with the last real sample before
/// it, so a series that went away and came back is a reset only if its value dropped.
/// </summary>
public static class CounterMath
{
    public static double[] IncreasePerBucket(ReadOnlySpan<long> timestamps, ReadOnlySpan<double> values, long startMs, long stepMs, long buckets)
    {
        if (timestamps.Length != values.Length)
        {
            throw new ArgumentException("Timestamps and values differ in length.", nameof(values));
        }

        var result = new double[buckets];
        Array.Fill(result, double.NaN);
        var previous = -1;
        for (var k = 0; k < timestamps.Length; k++)
        {
            if (StaleMarker.IsStale(values[k]))
            {
                continue;
            }

            var pairedWith = previous;
            previous = k;
            var bucket = Math.Floor((timestamps[k] - startMs) / (double)stepMs);
            if (pairedWith < 0 || bucket < 0 || bucket >= buckets)
            {
                continue;
            }

            var before = values[pairedWith];
            var current = values[k];
            var delta = current >= before ? current - before : current;
            var index = (long)bucket;
            result[index] = double.IsNaN(result[index]) ? delta : result[index] + delta;
        }

        return result;
    }

    /// <summary>Per-second rate: the bucket's increase over the step length.</summary>
    public static double[] RatePerBucket(ReadOnlySpan<long> timestamps, ReadOnlySpan<double> values, long startMs, long stepMs, long buckets)
    {
        var increase = IncreasePerBucket(timestamps, values, startMs, stepMs, buckets);
        var seconds = stepMs / 1000.0;
        for (var i = 0; i < increase.Length; i++)
        {
            increase[i] /= seconds;
        }

        return increase;
    }
}
