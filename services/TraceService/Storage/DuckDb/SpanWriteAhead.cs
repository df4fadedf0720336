using AirisEpm.DuckDbStorage;
using AirisEpm.Protocols;
using AirisEpm.ServiceDefaults.Batching;
using AirisEpm.ServiceDefaults.WriteAhead;
using AirisEpm.TraceService.Domain;

namespace AirisEpm.TraceService.Storage.DuckDb;

/// <summary>
/// The embedded store's write path. A write is encoded as rows (<see cref="SpanRowCodec"/>), appended to the store's
/// own write-ahead log (<see cref="WriteAheadLog"/> in <c>traces.wal/</c>, shared with metrics- and log-service: one
/// fsync serves every write waiting at that moment) and acknowledged; only its place in the log stays in memory. An
/// applier, on a thread of its own (a transaction takes seconds), then reads what is logged back from the log's files
/// (<see cref="LoggedFrames"/>) and writes it to DuckDB in large transactions (<see cref="DuckDbWriteOptions.ApplyBatchSpans"/>,
/// at least every <see cref="DuckDbWriteOptions.ApplyInterval"/>), each batch sorted by trace id so that a trace's spans
/// of one batch are consecutive rows (<see cref="SpanRowsApply"/>), and hands what DuckDB freed back to the system. A
/// segment is deleted once all its writes are applied (so a pending frame's file is still there); whatever is left at a
/// crash is replayed at start, so a span applied just before the crash may be stored twice,
/// which reads collapse (<see cref="ITraceStore"/>). A read first waits for the writes acknowledged before it
/// (<see cref="WaitAppliedAsync"/>): read-your-writes. A write waits for room past
/// <see cref="DuckDbWriteOptions.CapacitySpans"/> unapplied spans, which the batching writer in front turns into
/// 429/503. One lock guards the queue and counters; it is never held during I/O.
/// </summary>
internal sealed partial class SpanWriteAhead : IDisposable
{
    private static readonly TimeSpan FirstRetryDelay = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan LastRetryDelay = TimeSpan.FromSeconds(5);

    private readonly DuckDbWriter _writer;
    private readonly string _folder;
    private readonly DuckDbWriteOptions _options;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private readonly Queue<PendingWrite> _pending = new();
    private readonly SemaphoreSlim _wake = new(0);

    // One rotation at a time: a second one's DeleteThrough would also delete the first one's sealed segment before it drained.
    private readonly SemaphoreSlim _rotation = new(1, 1);
    private readonly CancellationTokenSource _stop = new();
    private readonly SpanRowsApply _apply = new();
    private readonly LoggedFrames _frames = new();
    private WriteAheadLog? _log;
    private Thread? _applier;
    private readonly ApplyProgress _progress = new();
    private bool _disposed;

    public SpanWriteAhead(DuckDbWriter writer, string folder, DuckDbWriteOptions options, ILogger logger)
    {
        options.Validate();
        (_writer, _folder, _options, _logger) = (writer, folder, options, logger);
    }

    /// <summary>Spans logged and not yet in DuckDB.</summary>
    public int PendingSpans => _progress.Pending;

    /// <summary>Replays what the last process left into DuckDB, then opens the log and starts applying; once, after the schema migration.</summary>
    public async Task OpenAsync(CancellationToken cancellationToken)
    {
        if (_log is not null) return;
        await _writer.WriteAsync(_apply.ReadNextSequence, cancellationToken);
        var existing = WriteAheadLog.Existing(_folder);
        var (replayed, skipped) = await ReplayAsync(existing, cancellationToken);
        _log = WriteAheadLog.Open(_folder);
        if (existing.Count > 0)
        {
            _log.DeleteThrough(existing[^1].Number);
            LogReplayed(_logger, replayed, existing.Count, skipped);
        }

        _applier = new Thread(() => Run(_stop.Token)) { IsBackground = true, Name = "trace store applier" };
        _applier.Start();
    }

    /// <summary>Returns once the spans are in the fsync'd log (throws <see cref="IOException"/> when they cannot be); they reach DuckDB later.</summary>
    public async Task AppendAsync(IReadOnlyList<Span> spans, CancellationToken cancellationToken)
    {
        var log = _log ?? throw new InvalidOperationException("The DuckDB trace store is not initialised.");
        await WaitForRoomAsync(spans.Count, cancellationToken);
        WalPosition position;
        using (var payload = new PooledBuffer(spans.Count * 512))
        {
            SpanRowCodec.Encode(spans, payload);
            position = await log.AppendFrameAsync(payload.Memory);
        }

        bool full;
        lock (_gate)
        {
            _pending.Enqueue(new PendingWrite(position, spans.Count));
            full = _progress.Logged(spans.Count) >= _options.ApplyBatchSpans;
        }

        if (full) Wake();
        if (log.CurrentBytes >= _options.SegmentBytes && _rotation.Wait(0, CancellationToken.None))
        {
            _ = Task.Run(() => RotateAsync(log), CancellationToken.None);
        }
    }

    /// <summary>
    /// Returns once every write acknowledged before the call is in DuckDB, asking the applier to apply at once;
    /// throws <see cref="BackpressureException"/> (503) past <see cref="DuckDbWriteOptions.ReadWaitTimeout"/>.
    /// </summary>
    public Task WaitAppliedAsync(CancellationToken cancellationToken) => _progress.WaitAppliedAsync(_options.ReadWaitTimeout,
        "The trace store has not yet applied the spans acknowledged before this read; try again shortly.", Wake, cancellationToken);

    /// <summary>Applies what is pending (waits for the applier to stop first), then deletes the log segments when all is applied.</summary>
    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        _stop.Cancel();
        _applier?.Join();
        while (Batch() is { Count: > 0 } batch)
        {
            try
            {
                Apply(batch);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                LogApplyFailed(_logger, e, batch.Sum(p => p.Spans), LastRetryDelay);
                break; // left in the log: replayed at the next start
            }
        }

        if (_log is { } log && _rotation.Wait(TimeSpan.FromSeconds(10)))
        {
            if (PendingSpans == 0 && log.CurrentBytes > 0 && !log.Failed)
            {
                log.DeleteThrough(log.RotateAsync().GetAwaiter().GetResult());
            }

            log.Dispose();
        }

        _stop.Dispose();
    }

    private void Run(CancellationToken stop)
    {
        var delay = FirstRetryDelay;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                _wake.Wait(_options.ApplyInterval, stop);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            while (Batch() is { Count: > 0 } batch)
            {
                try
                {
                    Apply(batch);
                    delay = FirstRetryDelay;
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    LogApplyFailed(_logger, e, batch.Sum(p => p.Spans), delay);
                    if (stop.WaitHandle.WaitOne(delay)) return;
                    delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, LastRetryDelay.Ticks));
                }
            }
        }
    }

    /// <summary>The oldest pending writes, up to a batch of spans (at least one write); they stay queued until applied.</summary>
    private List<PendingWrite> Batch()
    {
        var batch = new List<PendingWrite>();
        var spans = 0;
        lock (_gate)
        {
            foreach (var pending in _pending)
            {
                if (batch.Count > 0 && spans + pending.Spans > _options.ApplyBatchSpans) break;
                batch.Add(pending);
                spans += pending.Spans;
            }
        }

        return batch;
    }

    private void Apply(List<PendingWrite> batch)
    {
        var frames = _frames.Read(batch.ConvertAll(p => p.Position), (frame, e) => LogBadFrame(_logger, e, frame.Segment.Path));
        _writer.Write(c => _apply.Apply(c, frames), CancellationToken.None);
        DuckDbAllocator.Purge(); // what the transaction freed goes back to the system now, not over the allocator's next second
        bool drained;
        lock (_gate)
        {
            var spans = 0;
            for (var i = 0; i < batch.Count; i++)
            {
                spans += _pending.Dequeue().Spans;
            }

            _progress.Applied(spans);
            drained = _pending.Count == 0;
        }

        foreach (var pending in batch)
        {
            pending.Position.Segment.Complete();
        }

        if (drained)
        {
            _frames.Release();
            _apply.ReleaseScratch();
        }
    }

    private Task WaitForRoomAsync(int spans, CancellationToken cancellationToken) =>
        _progress.WaitForRoomAsync(spans, _options.CapacitySpans, Wake, cancellationToken);

    private async Task<(long Replayed, long Skipped)> ReplayAsync(IReadOnlyList<(long Number, string Path)> segments, CancellationToken cancellationToken)
    {
        long replayed = 0, skipped = 0;
        var batch = new List<ReadOnlyMemory<byte>>();
        var spans = 0;
        foreach (var (_, path) in segments)
        {
            IReadOnlyList<byte[]> payloads;
            using (var file = File.OpenRead(path))
            {
                // A torn tail (a crash mid-write) ends the intact frames; nothing after it was acknowledged.
                payloads = WalFrame.ReadAll(file, out _, out _);
            }

            foreach (var payload in payloads)
            {
                int count;
                try
                {
                    count = SpanRowCodec.Decode(payload).Length;
                }
                catch (InvalidDataException e)
                {
                    LogBadFrame(_logger, e, path);
                    skipped++;
                    continue;
                }

                batch.Add(payload);
                spans += count;
                if (spans >= _options.ApplyBatchSpans)
                {
                    var frames = batch;
                    await _writer.WriteAsync(c => _apply.Apply(c, frames), cancellationToken);
                    (replayed, batch, spans) = (replayed + spans, [], 0);
                }
            }
        }

        if (batch.Count > 0) await _writer.WriteAsync(c => _apply.Apply(c, batch), cancellationToken);
        return (replayed + spans, skipped);
    }

    private async Task RotateAsync(WriteAheadLog log)
    {
        try
        {
            log.DeleteThrough(await log.RotateAsync());
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ObjectDisposedException)
        {
            LogRotationFailed(_logger, e);
        }
        finally
        {
            _rotation.Release();
        }
    }

    private void Wake()
    {
        if (_wake.CurrentCount == 0) _wake.Release();
    }

    /// <summary>A write logged and not yet applied: where its frame is in the log (read back when it is applied) and its spans.</summary>
    private sealed record PendingWrite(WalPosition Position, int Spans);

    [LoggerMessage(Level = LogLevel.Information, Message = "Replayed {Spans} spans from {Segments} trace write-ahead log segments ({Skipped} unreadable frames)")]
    private static partial void LogReplayed(ILogger logger, long spans, int segments, long skipped);

    [LoggerMessage(Level = LogLevel.Error, Message = "A frame of {Path} is not a trace write-ahead log frame; skipped")]
    private static partial void LogBadFrame(ILogger logger, Exception exception, string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Applying {Spans} logged spans to DuckDB failed; retrying in {Delay}")]
    private static partial void LogApplyFailed(ILogger logger, Exception exception, int spans, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rotating the trace write-ahead log failed; the next append past the segment size tries again")]
    private static partial void LogRotationFailed(ILogger logger, Exception exception);
}
