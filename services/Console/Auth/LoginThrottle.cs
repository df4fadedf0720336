using Microsoft.Extensions.Options;

namespace AirisEpm.WebConsole.Auth;

/// <summary>
/// Delays sign-in after repeated failures, per account name and per client address (<see cref="LoginThrottleOptions"/>).
/// A failure past the free ones blocks that key for <c>BaseDelay × 2^(n−free−1)</c>, at most <c>MaxDelay</c>; a blocked
/// attempt is refused before the password is looked at, so it teaches nothing. A success clears the account's failures,
/// not the address's. Held in this process's memory: each replica throttles on its own (an attacker spread across
/// replicas gets their count times the attempts). O(1) per call; O(tracked) when the table is full and is swept.
/// </summary>
public sealed class LoginThrottle(IOptions<LoginThrottleOptions> options, TimeProvider time)
{
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <summary>How long the caller must wait before trying <paramref name="account"/> from <paramref name="address"/>; null: go ahead.</summary>
    public TimeSpan? RetryAfter(string account, string address)
    {
        var now = time.GetUtcNow();
        lock (_gate)
        {
            var wait = new[] { Blocked(AccountKey(account), now), Blocked(AddressKey(address), now) }.Max();
            return wait > TimeSpan.Zero ? wait : null;
        }
    }

    public void Failed(string account, string address)
    {
        var settings = options.Value;
        var now = time.GetUtcNow();
        lock (_gate)
        {
            Count(AccountKey(account), settings.AccountFreeFailures, now, settings);
            Count(AddressKey(address), settings.AddressFreeFailures, now, settings);
        }
    }

    public void Succeeded(string account)
    {
        lock (_gate)
        {
            _entries.Remove(AccountKey(account));
        }
    }

    private TimeSpan Blocked(string key, DateTimeOffset now) =>
        _entries.TryGetValue(key, out var entry) && entry.BlockedUntil > now ? entry.BlockedUntil - now : TimeSpan.Zero;

    private void Count(string key, int free, DateTimeOffset now, LoginThrottleOptions settings)
    {
        var failures = _entries.TryGetValue(key, out var entry) && now - entry.LastFailure < settings.ForgetAfter ? entry.Failures + 1 : 1;
        if (entry is null && !Room(now, settings)) return;
        var blockedUntil = failures > free ? now + Delay(failures - free, settings) : now;
        _entries[key] = new Entry(failures, now, blockedUntil);
    }

    private static TimeSpan Delay(int over, LoginThrottleOptions settings)
    {
        var factor = Math.Pow(2, Math.Min(over - 1, 40));
        var delay = settings.BaseDelay.TotalSeconds * factor;
        return delay >= settings.MaxDelay.TotalSeconds ? settings.MaxDelay : TimeSpan.FromSeconds(delay);
    }

    private bool Room(DateTimeOffset now, LoginThrottleOptions settings)
    {
        if (_entries.Count < settings.MaxTracked) return true;
        foreach (var key in _entries.Where(e => now - e.Value.LastFailure >= settings.ForgetAfter && e.Value.BlockedUntil <= now).Select(e => e.Key).ToList())
        {
            _entries.Remove(key);
        }

        return _entries.Count < settings.MaxTracked;
    }

    private static string AccountKey(string account) => "account:" + account.ToLowerInvariant();

    private static string AddressKey(string address) => "address:" + address;

    private sealed record Entry(int Failures, DateTimeOffset LastFailure, DateTimeOffset BlockedUntil);
}
