using Microsoft.Extensions.Time.Testing;

namespace AirisEpm.DaprTestSidecar.Harness;

/// <summary>Polling instead of sleeping: wait for a condition, optionally advancing the fake clock meanwhile.</summary>
public static class Eventually
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(15);

    public static async Task<T> ValueAsync<T>(Func<T?> probe, TimeSpan? timeout = null, FakeTimeProvider? clock = null, TimeSpan? step = null, string? what = null)
        where T : class
    {
        using var deadline = new CancellationTokenSource(timeout ?? DefaultTimeout);
        while (true)
        {
            if (probe() is { } value)
            {
                return value;
            }

            if (deadline.IsCancellationRequested)
            {
                throw new TimeoutException($"Timed out waiting for {what ?? "a condition"}.");
            }

            if (clock is not null)
            {
                clock.Advance(step ?? TimeSpan.FromMilliseconds(100));
            }

            await Task.Delay(TimeSpan.FromMilliseconds(10), CancellationToken.None);
        }
    }

    public static Task TrueAsync(Func<bool> condition, TimeSpan? timeout = null, FakeTimeProvider? clock = null, TimeSpan? step = null, string? what = null) =>
        ValueAsync(() => condition() ? "done" : null, timeout, clock, step, what);
}
