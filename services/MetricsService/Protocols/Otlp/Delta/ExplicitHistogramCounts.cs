namespace AirisEpm.MetricsService.Protocols.Otlp.Delta;

/// <summary>
/// An explicit-bucket histogram point's counts (<see cref="Counts"/> per bucket, one more than <see cref="Bounds"/>). Two add up
/// when their bounds are equal; with other bounds the stream restarts, as the OpenTelemetry collector's deltatocumulative does.
/// </summary>
public sealed record ExplicitHistogramCounts(double[] Bounds, ulong[] Counts, ulong Count, double Sum, bool HasSum) : IAccumulable<ExplicitHistogramCounts>
{
    public ExplicitHistogramCounts? Plus(ExplicitHistogramCounts delta)
    {
        ArgumentNullException.ThrowIfNull(delta);
        if (!Bounds.AsSpan().SequenceEqual(delta.Bounds) || Counts.Length != delta.Counts.Length)
        {
            return null;
        }

        var counts = new ulong[Counts.Length];
        for (var i = 0; i < counts.Length; i++)
        {
            counts[i] = Counts[i] + delta.Counts[i];
        }

        return new ExplicitHistogramCounts(Bounds, counts, Count + delta.Count, Sum + delta.Sum, HasSum && delta.HasSum);
    }
}
