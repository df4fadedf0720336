namespace AirisEpm.AlertService.Incidents;

/// <summary>
/// How a step whose notification failed is retried before the ladder moves on: 30 s, then doubling to
/// at most 5 min, for <see cref="MaxAttempts"/> attempts in all (about 12 minutes), a span shorter than
/// a typical step gap, so a receiver that blinks is reached and one that is down delays the next step
/// by minutes, not hours.
/// </summary>
public static class EscalationRetry
{
    public const int MaxAttempts = 6;

    public static readonly TimeSpan Initial = TimeSpan.FromSeconds(30);

    public static readonly TimeSpan Max = TimeSpan.FromMinutes(5);

    /// <summary>The wait before retry number <paramref name="attempt"/> (1 = the first retry).</summary>
    public static TimeSpan Delay(int attempt)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(attempt, 1);
        return TimeSpan.FromTicks(Math.Min(Initial.Ticks << Math.Min(attempt - 1, 20), Max.Ticks));
    }
}
