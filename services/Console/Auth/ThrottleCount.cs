namespace AirisEpm.WebConsole.Auth;

/// <summary>
/// One throttled key's failures (an account name or a client address), as <see cref="LoginThrottle"/> keeps it in the
/// state store. Pure arithmetic: a failure past <c>free</c> blocks the key for <c>BaseDelay × 2^(n−free−1)</c>, at most
/// <c>MaxDelay</c>; failures older than <c>ForgetAfter</c> (since the last one) are forgotten.
/// </summary>
public sealed record ThrottleCount(int Failures, DateTimeOffset LastFailure, DateTimeOffset BlockedUntil)
{
    /// <summary>How long the key is still blocked at <paramref name="now"/> (zero: not blocked).</summary>
    public TimeSpan BlockedFor(DateTimeOffset now) => BlockedUntil > now ? BlockedUntil - now : TimeSpan.Zero;

    /// <summary>The count after one more failure at <paramref name="now"/>; <paramref name="current"/> null: the first one.</summary>
    public static ThrottleCount AfterFailure(ThrottleCount? current, int free, DateTimeOffset now, LoginThrottleOptions settings)
    {
        var failures = current is not null && now - current.LastFailure < settings.ForgetAfter ? current.Failures + 1 : 1;
        return new ThrottleCount(failures, now, failures > free ? now + Delay(failures - free, settings) : now);
    }

    private static TimeSpan Delay(int over, LoginThrottleOptions settings)
    {
        var delay = settings.BaseDelay.TotalSeconds * Math.Pow(2, Math.Min(over - 1, 40));
        return delay >= settings.MaxDelay.TotalSeconds ? settings.MaxDelay : TimeSpan.FromSeconds(delay);
    }
}
