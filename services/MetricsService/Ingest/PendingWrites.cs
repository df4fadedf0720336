using AirisEpm.MetricsService.Ingest.Wal;
using AirisEpm.ServiceDefaults.Batching;
using Microsoft.Extensions.Options;

namespace AirisEpm.MetricsService.Ingest;

/// <summary>
/// Read-your-writes over a store that is written behind the write-ahead log: the ingestor records here the task of
/// each batch it acknowledges (in the order it queues them, so the last one completing means all before it did), and
/// a read first waits for the batches acknowledged before it started, asking the writer to flush them at once. No
/// batch pending costs a volatile read. Past <see cref="WalOptions.ReadWaitTimeout"/> the read is refused (503)
/// rather than answered without samples that were acknowledged.
/// </summary>
public sealed class PendingWrites(IOptions<WalOptions> options, TimeProvider time)
{
    private readonly Lock _order = new();
    private volatile Task _last = Task.CompletedTask;
    private volatile Action? _flushNow;

    /// <summary>Runs <paramref name="enqueue"/> (which queues a batch and returns the task of its store write) and records its task.</summary>
    public Task Track(Func<Task> enqueue, Action flushNow)
    {
        ArgumentNullException.ThrowIfNull(enqueue);
        _flushNow = flushNow;
        lock (_order)
        {
            var stored = enqueue();
            _last = stored;
            return stored;
        }
    }

    /// <summary>Returns once every batch acknowledged so far is in the store.</summary>
    public async Task WaitStoredAsync(CancellationToken cancellationToken)
    {
        var last = _last;
        if (last.IsCompleted)
        {
            return;
        }

        _flushNow?.Invoke();
        try
        {
            await last.WaitAsync(options.Value.ReadWaitTimeout, time, cancellationToken);
        }
        catch (TimeoutException)
        {
            throw new BackpressureException(
                "The store has not caught up with the samples acknowledged before this read; try again shortly.", 503, TimeSpan.FromSeconds(2));
        }
    }
}
