namespace AirisEpm.DaprTestSidecar.Components;

/// <summary>A retry policy of resiliency.yaml (constant or exponential back-off).</summary>
public sealed record RetryPolicy(bool Exponential, TimeSpan Duration, TimeSpan InitialInterval, TimeSpan MaxInterval, int MaxRetries)
{
    /// <summary>No resiliency policy: daprd hands a failed message back to the broker; here that is "no retry".</summary>
    public static readonly RetryPolicy None = new(false, TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero, 0);

    /// <summary>The wait before retry number <paramref name="retry"/> (1-based).</summary>
    public TimeSpan DelayBefore(int retry)
    {
        if (!Exponential)
        {
            return Duration;
        }

        var ticks = InitialInterval.Ticks * Math.Pow(2, retry - 1);
        return TimeSpan.FromTicks((long)Math.Min(ticks, MaxInterval.Ticks));
    }
}
