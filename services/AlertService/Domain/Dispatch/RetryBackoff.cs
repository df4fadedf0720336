namespace AirisEpm.AlertService.Domain.Dispatch;

/// <summary>
/// Exponential back-off between delivery attempts of one integration: <see cref="Initial"/>, doubling,
/// capped at <see cref="Max"/>. Alertmanager's retry stage backs off the same way (exponential, capped)
/// with jitter; one engine sends everything here, so there is no herd to spread and no jitter.
/// </summary>
public sealed record RetryBackoff(TimeSpan Initial, TimeSpan Max)
{
    /// <summary>2 s then doubling to 1 min: a receiver that blips is retried within seconds, a down one about once a minute.</summary>
    public static RetryBackoff Default { get; } = new(TimeSpan.FromSeconds(2), TimeSpan.FromMinutes(1));

    /// <summary>The wait before retry number <paramref name="attempt"/> (1 = the first retry).</summary>
    public TimeSpan Delay(int attempt)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(attempt, 1);
        var factor = Math.Pow(2, Math.Min(attempt - 1, 30));
        var delay = TimeSpan.FromTicks((long)Math.Min(Initial.Ticks * factor, Max.Ticks));
        return delay < Initial ? Initial : delay;
    }
}
