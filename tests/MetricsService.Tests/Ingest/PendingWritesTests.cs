using AirisEpm.MetricsService.Ingest;
using AirisEpm.MetricsService.Ingest.Wal;
using AirisEpm.ServiceDefaults.Batching;
using Microsoft.Extensions.Options;

namespace AirisEpm.MetricsService.Tests.Ingest;

public sealed class PendingWritesTests
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    private static PendingWrites Pending(TimeSpan timeout) => new(Options.Create(new WalOptions { ReadWaitTimeout = timeout }), TimeProvider.System);

    [Fact]
    public async Task A_read_waits_for_the_last_acknowledged_batch_and_asks_for_a_flush()
    {
        var pending = Pending(TimeSpan.FromSeconds(30));
        var stored = new TaskCompletionSource();
        var flushes = 0;
        _ = pending.Track(() => stored.Task, () => flushes++);

        var read = pending.WaitStoredAsync(Ct);
        await Task.Delay(50, Ct);
        Assert.False(read.IsCompleted);
        Assert.Equal(1, flushes);

        stored.SetResult();
        await read;
        await pending.WaitStoredAsync(Ct); // nothing pending: returns at once
        Assert.Equal(1, flushes);
    }

    [Fact]
    public async Task A_read_the_store_does_not_catch_up_with_in_time_is_refused_with_503()
    {
        var pending = Pending(TimeSpan.FromMilliseconds(50));
        _ = pending.Track(() => new TaskCompletionSource().Task, () => { });

        var error = await Assert.ThrowsAsync<BackpressureException>(() => pending.WaitStoredAsync(Ct));

        Assert.Equal(503, error.StatusCode);
        Assert.True(error.RetryAfter > TimeSpan.Zero);
    }
}
