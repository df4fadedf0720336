using AirisEpm.LogService.Domain;
using AirisEpm.ServiceDefaults.Batching;
using AirisEpm.ServiceDefaults.WriteAhead;
using Microsoft.Extensions.Logging.Abstractions;

namespace AirisEpm.LogService.Storage.Lucene;

/// <summary>
/// The appends that are durable in the write-ahead log and not yet in the Lucene writers, and the one loop that
/// indexes them behind the acknowledgement, many appends at a time (up to <see cref="LogStoreOptions.ApplyBatchRecords"/>,
/// at least every <see cref="LogStoreOptions.ApplyInterval"/>, at once when a read or a commit asks). An append waits
/// for room past <see cref="LogStoreOptions.ApplyCapacityRecords"/> unapplied records (the batching writer in front
/// turns a long wait into 429/503); a read waits for the appends acknowledged before it (<see cref="WaitAppliedAsync"/>,
/// 503 past <see cref="LogStoreOptions.ReadWaitTimeout"/>). An append's WAL segment is completed once it is indexed,
/// so a commit that seals the segment waits for it. One lock guards the queue and the counters, never held during work.
/// </summary>
internal sealed partial class LogApplyQueue : IDisposable
{
    private static readonly TimeSpan FirstRetryDelay = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan LastRetryDelay = TimeSpan.FromSeconds(5);

    private readonly LogStoreOptions _options;
    private readonly Action<IReadOnlyList<LoggedAppend>, bool> _apply;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private readonly Queue<LoggedAppend> _pending = new();
    private readonly SemaphoreSlim _wake = new(0);
    private readonly CancellationTokenSource _stop = new();
    private Task _loop = Task.CompletedTask;
    private readonly ApplyProgress _progress = new();

    /// <param name="apply">
    /// Indexes the appends (synchronously); throws to have them retried, in order, after a delay. Its flag is true on a
    /// retry, when some of the records may be in the writers already (so those are skipped: <see cref="AlreadyIndexed"/>).
    /// </param>
    public LogApplyQueue(LogStoreOptions options, Action<IReadOnlyList<LoggedAppend>, bool> apply, ILogger? logger = null)
    {
        (_options, _apply, _logger) = (options, apply, logger ?? NullLogger.Instance);
    }

    /// <summary>Records logged and not yet indexed.</summary>
    public int PendingRecords => _progress.Pending;

    public void Start() => _loop = Task.Run(() => RunAsync(_stop.Token), CancellationToken.None);

    /// <summary>Returns once <paramref name="records"/> more fit under the capacity (a larger append goes in alone).</summary>
    public Task WaitForRoomAsync(int records, CancellationToken cancellationToken) =>
        _progress.WaitForRoomAsync(records, _options.ApplyCapacityRecords, Wake, cancellationToken);

    /// <summary>Queues an append whose frame is durable in <paramref name="segment"/>.</summary>
    public void Add(IReadOnlyList<LogRecord> records, byte[][] sources, WalSegment segment)
    {
        bool full;
        lock (_gate)
        {
            _pending.Enqueue(new LoggedAppend(records, sources, segment));
            full = _progress.Logged(records.Count) >= _options.ApplyBatchRecords;
        }

        if (full) Wake();
    }

    /// <summary>Returns once every append queued before the call is indexed, asking the loop to apply at once.</summary>
    public Task WaitAppliedAsync(CancellationToken cancellationToken) => _progress.WaitAppliedAsync(_options.ReadWaitTimeout,
        "The log store has not yet indexed the records acknowledged before this read; try again shortly.", Wake, cancellationToken);

    /// <summary>Asks the loop to apply what is queued now (a commit is about to seal the segment).</summary>
    public void Wake()
    {
        if (_wake.CurrentCount == 0) _wake.Release();
    }

    /// <summary>Stops the loop, then applies what is left on this thread (what fails stays in the WAL for the next start).</summary>
    public void Dispose()
    {
        _stop.Cancel();
        _loop.GetAwaiter().GetResult();
        while (Batch() is { Count: > 0 } batch)
        {
            try
            {
                ApplyBatch(batch, retry: false);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                LogApplyFailed(_logger, e, batch.Sum(a => a.Records.Count), TimeSpan.Zero);
                break;
            }
        }

        _stop.Dispose();
    }

    private async Task RunAsync(CancellationToken stop)
    {
        var delay = FirstRetryDelay;
        var retry = false;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await _wake.WaitAsync(_options.ApplyInterval, stop).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            while (!stop.IsCancellationRequested && Batch() is { Count: > 0 } batch)
            {
                try
                {
                    ApplyBatch(batch, retry);
                    (delay, retry) = (FirstRetryDelay, false);
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    LogApplyFailed(_logger, e, batch.Sum(a => a.Records.Count), delay);
                    retry = true;
                    try
                    {
                        await Task.Delay(delay, stop).ConfigureAwait(false);
                    }
                    catch (OperationCanceledException)
                    {
                        return;
                    }

                    delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, LastRetryDelay.Ticks));
                }
            }
        }
    }

    /// <summary>The oldest appends, up to a batch of records (at least one append); they stay queued until applied.</summary>
    private List<LoggedAppend> Batch()
    {
        var batch = new List<LoggedAppend>();
        var records = 0;
        lock (_gate)
        {
            foreach (var append in _pending)
            {
                if (batch.Count > 0 && records + append.Records.Count > _options.ApplyBatchRecords) break;
                batch.Add(append);
                records += append.Records.Count;
            }
        }

        return batch;
    }

    private void ApplyBatch(List<LoggedAppend> batch, bool retry)
    {
        _apply(batch, retry);
        lock (_gate)
        {
            var records = 0;
            for (var i = 0; i < batch.Count; i++)
            {
                records += _pending.Dequeue().Records.Count;
            }

            _progress.Applied(records);
        }

        foreach (var append in batch)
        {
            append.Segment.Complete();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Indexing {Records} logged records failed; retrying in {Delay}")]
    private static partial void LogApplyFailed(ILogger logger, Exception exception, int records, TimeSpan delay);
}
