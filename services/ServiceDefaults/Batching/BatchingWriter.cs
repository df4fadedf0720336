using System.Diagnostics.Metrics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AirisEpm.ServiceDefaults.Batching;

/// <summary>
/// A bounded, ordered buffer in front of an <see cref="IBatchSink{T}"/>. <see cref="WriteAsync"/>
/// returns once the caller's items are durable, so an endpoint can acknowledge only what is stored.
/// Items are flushed when <see cref="BatchingWriterOptions.MaxBatchSize"/> wait or every
/// <see cref="BatchingWriterOptions.FlushInterval"/> (or, with <see cref="BatchingWriterOptions.FlushWhenIdle"/>,
/// whenever the sink is idle: group commit); a failed write is retried with exponential
/// backoff, in order, until it succeeds; on shutdown everything queued is flushed.
/// A caller that makes items durable itself first (a write-ahead log) waits for room with <see cref="WaitForRoomAsync"/>
/// (its backpressure), then queues them with <see cref="EnqueueDurable"/> and does not wait: the writer is then the log's applier.
/// </summary>
public sealed partial class BatchingWriter<T> : BackgroundService
{
    public const string MeterName = "AirisEpm.Batching";

    private readonly IBatchSink<T> _sink;
    private readonly BatchingWriterOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private readonly Queue<PendingWrite> _queue = new();
    private readonly SemaphoreSlim _signal = new(0);
    private readonly Counter<long> _written;

    // One flush at a time: the background loop, StopAsync and callers of FlushAvailableAsync would
    // otherwise take consecutive batches concurrently and could write them out of order.
    private readonly SemaphoreSlim _flushing = new(1, 1);
    private int _queuedItems;

    // Completed (and replaced) whenever a write takes items out of the buffer; WaitForRoomAsync waits on it.
    private TaskCompletionSource _roomFreed = NewSignal();
    private int _consecutiveFailures;
    private bool _stopping;

    public BatchingWriter(
        IBatchSink<T> sink,
        IOptions<BatchingWriterOptions> options,
        TimeProvider time,
        ILogger<BatchingWriter<T>> logger,
        IMeterFactory? meters = null)
    {
        _sink = sink;
        _options = options.Value;
        _time = time;
        _logger = logger;
        var meter = meters?.Create(MeterName) ?? new Meter(MeterName);
        var name = $"airis.batching.{typeof(T).Name.ToLowerInvariant()}";
        meter.CreateObservableGauge($"{name}.queued", () => QueuedItems);

        // The ingest rate of each signal: metrics-service writes MetricSample, log-service LogRecord, trace-service Span
        // (airis_batching_metricsample_written_total ... in Prometheus).
        _written = meter.CreateCounter<long>($"{name}.written", "{item}", "Items the store made durable");
    }

    /// <summary>Items accepted and not yet durable.</summary>
    public int QueuedItems => Volatile.Read(ref _queuedItems);

    /// <summary>True while the sink is failing (the last write attempt threw).</summary>
    public bool SinkFailing => Volatile.Read(ref _consecutiveFailures) > 0;

    /// <summary>
    /// Queues <paramref name="items"/> and waits until they are durable.
    /// Throws <see cref="BackpressureException"/> (429) when the buffer has no room, and (503) when
    /// they are not durable within the ack timeout; in that case they stay queued and will be written.
    /// </summary>
    public async Task WriteAsync(IReadOnlyList<T> items, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(items);
        if (items.Count == 0)
        {
            return;
        }

        var pending = Queue(items);
        try
        {
            await pending.Completion.Task.WaitAsync(_options.AckTimeout, _time, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            throw new BackpressureException(
                "The store did not confirm the write in time; the data is queued and will still be written.",
                503, RetryAfterHint());
        }
    }

    /// <summary>
    /// Queues <paramref name="items"/> without waiting; the task completes once they are in the sink (it has no
    /// timeout, and stays pending for items still queued at shutdown). Throws <see cref="BackpressureException"/>
    /// as <see cref="WriteAsync"/> does when the buffer has no room or the writer is stopping.
    /// </summary>
    public Task Enqueue(IReadOnlyList<T> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        return items.Count == 0 ? Task.CompletedTask : Queue(items).Completion.Task;
    }

    /// <summary>
    /// As <see cref="Enqueue"/>, for items the caller has already made durable (in a write-ahead log) after
    /// <see cref="WaitForRoomAsync"/> found room: refusing them now would only make the client send them again, so
    /// they are queued even if callers that found room at the same moment took it first (the buffer then runs over
    /// by at most what those concurrent callers carry). Refused only once the writer is stopping.
    /// </summary>
    public Task EnqueueDurable(IReadOnlyList<T> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        return items.Count == 0 ? Task.CompletedTask : Queue(items, overCapacity: true).Completion.Task;
    }

    /// <summary>
    /// Returns once <paramref name="count"/> more items fit in the buffer, waiting up to <paramref name="wait"/> for
    /// writes to make room (so a steady overload slows callers down instead of refusing them); then throws the
    /// <see cref="BackpressureException"/> that queuing them would throw. For callers that must be refused before
    /// doing work of their own (appending to a log) rather than after. Room is not reserved: <see cref="Enqueue"/>
    /// may still refuse when others took it first.
    /// </summary>
    public async Task WaitForRoomAsync(int count, TimeSpan wait, CancellationToken cancellationToken = default)
    {
        using var deadline = new CancellationTokenSource(wait, _time);
        using var either = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token, cancellationToken);
        while (true)
        {
            Task roomFreed;
            lock (_gate)
            {
                if (_stopping || _queuedItems + count <= _options.Capacity || deadline.IsCancellationRequested)
                {
                    ThrowIfNoRoom(count);
                    return;
                }

                roomFreed = _roomFreed.Task;
            }

            try
            {
                await roomFreed.WaitAsync(either.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                // Out of time: the next pass throws unless room appeared meanwhile.
            }
        }
    }

    private void ThrowIfNoRoom(int count, bool overCapacity = false)
    {
        // Checked under the lock StopAsync sets it with, so nothing is queued after the final flush.
        if (_stopping)
        {
            throw new BackpressureException("The service is shutting down.", 503, TimeSpan.FromSeconds(5));
        }

        if (!overCapacity && _queuedItems + count > _options.Capacity)
        {
            var status = SinkFailing ? 503 : 429;
            throw new BackpressureException(
                $"The write buffer is full ({_queuedItems} of {_options.Capacity} items queued).",
                status, RetryAfterHint());
        }
    }

    private PendingWrite Queue(IReadOnlyList<T> items, bool overCapacity = false)
    {
        var pending = new PendingWrite(items);
        lock (_gate)
        {
            ThrowIfNoRoom(items.Count, overCapacity);
            _queue.Enqueue(pending);
            _queuedItems += items.Count;
        }

        // One pending wake is enough: the loop takes everything queued when it wakes, and items queued while it
        // writes wake it again (the count is 0 again by then) for the next write. More wakes would make it write
        // the few items that arrived during each write as a batch of their own.
        if ((QueuedItems >= _options.MaxBatchSize || _options.FlushWhenIdle) && _signal.CurrentCount == 0)
        {
            _signal.Release();
        }

        return pending;
    }

    /// <summary>Wakes the writer to flush what is queued now rather than at the next interval or full batch (a reader is waiting for it).</summary>
    public void RequestFlush()
    {
        if (_signal.CurrentCount == 0)
        {
            _signal.Release();
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private TimeSpan RetryAfterHint() => SinkFailing ? _options.MaxRetryDelay : TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            using var interval = new CancellationTokenSource(_options.FlushInterval, _time);
            using var wake = CancellationTokenSource.CreateLinkedTokenSource(interval.Token, stoppingToken);
            try
            {
                await _signal.WaitAsync(wake.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
            {
                // The interval elapsed: flush whatever is there.
            }
            catch (OperationCanceledException)
            {
                break;
            }

            await FlushAvailableAsync(stoppingToken).ConfigureAwait(false);
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _stopping = true;
        }

        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        using var deadline = new CancellationTokenSource(_options.ShutdownFlushTimeout, _time);
        await FlushAvailableAsync(deadline.Token).ConfigureAwait(false);
        if (QueuedItems > 0)
        {
            LogUnflushedAtShutdown(_logger, QueuedItems);
        }
    }

    /// <summary>
    /// Writes everything queued now, batch by batch; used by tests and shutdown. What is queued while it writes
    /// waits for the next wake: draining until the queue is empty would, under steady traffic, write the few
    /// items that arrive during each write as a store write of their own, back to back, never waiting for the
    /// interval (metrics-service's small requests made 200 store writes a second of 20 samples each).
    /// </summary>
    public async Task FlushAvailableAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _flushing.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        try
        {
            int due;
            lock (_gate)
            {
                due = _queue.Count;
            }

            while (due > 0 && TakeBatch(due) is { Count: > 0 } batch)
            {
                if (!await WriteWithRetryAsync(batch, cancellationToken).ConfigureAwait(false))
                {
                    Requeue(batch);
                    return;
                }

                due -= batch.Count;
            }
        }
        finally
        {
            _flushing.Release();
        }
    }

    /// <summary>Takes up to <paramref name="maxRequests"/> queued requests, as many as fit in a batch.</summary>
    private List<PendingWrite> TakeBatch(int maxRequests)
    {
        var batch = new List<PendingWrite>();
        var count = 0;
        lock (_gate)
        {
            // A single request larger than a batch still goes out whole: requests are never split.
            while (batch.Count < maxRequests && _queue.TryPeek(out var next) && (count == 0 || count + next.Items.Count <= _options.MaxBatchSize))
            {
                batch.Add(_queue.Dequeue());
                count += next.Items.Count;
            }
        }

        return batch;
    }

    private void Requeue(List<PendingWrite> batch)
    {
        lock (_gate)
        {
            var rest = _queue.ToArray();
            _queue.Clear();
            foreach (var item in batch.Concat(rest))
            {
                _queue.Enqueue(item);
            }
        }
    }

    private async Task<bool> WriteWithRetryAsync(List<PendingWrite> batch, CancellationToken cancellationToken)
    {
        var items = batch.Count == 1 ? batch[0].Items : new ConcatenatedList<T>([.. batch.Select(p => p.Items)]);
        var delay = _options.InitialRetryDelay;
        while (true)
        {
            try
            {
                await _sink.WriteBatchAsync(items, cancellationToken).ConfigureAwait(false);
                Volatile.Write(ref _consecutiveFailures, 0);
                _written.Add(items.Count);
                TaskCompletionSource roomFreed;
                lock (_gate)
                {
                    _queuedItems -= items.Count;
                    (roomFreed, _roomFreed) = (_roomFreed, NewSignal());
                }

                roomFreed.TrySetResult();
                foreach (var pending in batch)
                {
                    pending.Completion.TrySetResult();
                }

                return true;
            }
            catch (Exception) when (cancellationToken.IsCancellationRequested)
            {
                return false;
            }
            catch (Exception ex)
            {
                var failures = Interlocked.Increment(ref _consecutiveFailures);
                LogWriteFailed(_logger, ex, items.Count, failures, delay);
            }

            try
            {
                await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return false;
            }

            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, _options.MaxRetryDelay.Ticks));
        }
    }

    private sealed record PendingWrite(IReadOnlyList<T> Items)
    {
        public TaskCompletionSource Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Writing a batch of {Count} items failed ({Failures} in a row); retrying in {Delay}")]
    private static partial void LogWriteFailed(ILogger logger, Exception exception, int count, int failures, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Count} queued items could not be flushed before shutdown")]
    private static partial void LogUnflushedAtShutdown(ILogger logger, int count);
}
