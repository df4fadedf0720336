namespace AirisEpm.MetricsService.Protocols.Otlp.Delta;

/// <summary>One side (positive or negative) of an exponential histogram: <c>Counts[k]</c> is the count of bucket index <c>Offset + k</c>.</summary>
public sealed record ExponentialBuckets(int Offset, ulong[] Counts)
{
    public static readonly ExponentialBuckets Empty = new(0, []);

    /// <summary>The same counts at a scale <paramref name="by"/> lower: bucket i becomes i >> by (index halves, floored, per step).</summary>
    public ExponentialBuckets Downscale(int by)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(by);
        if (by == 0 || Counts.Length == 0)
        {
            return this;
        }

        var first = (int)((long)Offset >> by);
        var last = (int)(((long)Offset + Counts.Length - 1) >> by);
        var counts = new ulong[last - first + 1];
        for (var k = 0; k < Counts.Length; k++)
        {
            counts[(int)(((long)Offset + k) >> by) - first] += Counts[k];
        }

        return new ExponentialBuckets(first, counts);
    }

    /// <summary>How many buckets <paramref name="a"/> plus <paramref name="b"/> would span after downscaling both by <paramref name="by"/>.</summary>
    public static long MergedSpan(ExponentialBuckets a, ExponentialBuckets b, int by)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Counts.Length == 0 || b.Counts.Length == 0)
        {
            var only = a.Counts.Length == 0 ? b : a;
            return only.Counts.Length == 0 ? 0 : ((((long)only.Offset + only.Counts.Length - 1) >> by) - ((long)only.Offset >> by)) + 1;
        }

        var first = Math.Min(a.Offset, b.Offset);
        var last = Math.Max((long)a.Offset + a.Counts.Length, (long)b.Offset + b.Counts.Length) - 1;
        return (last >> by) - ((long)first >> by) + 1;
    }

    /// <summary>Both sides' counts added bucket by bucket (at one scale).</summary>
    public ExponentialBuckets Plus(ExponentialBuckets other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.Counts.Length == 0)
        {
            return this;
        }

        if (Counts.Length == 0)
        {
            return other;
        }

        var first = Math.Min(Offset, other.Offset);
        var end = Math.Max((long)Offset + Counts.Length, (long)other.Offset + other.Counts.Length);
        var counts = new ulong[end - first];
        Counts.CopyTo(counts, Offset - first);
        for (var k = 0; k < other.Counts.Length; k++)
        {
            counts[other.Offset - first + k] += other.Counts[k];
        }

        return new ExponentialBuckets(first, counts);
    }

    /// <summary>Buckets from the first to the last holding a count (the zero ones inside kept); empty when none does.</summary>
    public ExponentialBuckets Trimmed()
    {
        var first = Array.FindIndex(Counts, c => c != 0);
        if (first < 0)
        {
            return Empty;
        }

        var last = Array.FindLastIndex(Counts, c => c != 0);
        return first == 0 && last == Counts.Length - 1 ? this : new ExponentialBuckets(Offset + first, Counts[first..(last + 1)]);
    }
}
