using System.Buffers;

namespace AirisEpm.ServiceDefaults.WriteAhead;

/// <summary>
/// One write-ahead log file with group commit. An appender copies its frame into the shared pending
/// buffer, then waits for the flush lock; whoever holds it writes everything pending and fsyncs once,
/// so all appenders that queued while the previous fsync ran share the next one. An append also counts
/// as in flight until its records are in the store behind the log (<see cref="Complete"/>: the Lucene
/// writers for logs, a committed DuckDB batch for metrics), so a commit can wait for a sealed segment to
/// drain before it deletes the file.
/// </summary>
public sealed class WalSegment : IDisposable
{
    // Guards _pending, _enqueued, _bytes, _inFlight and _sealed: held only to copy a frame or swap buffers, never during I/O.
    private readonly Lock _gate = new();

    // Held by the one appender writing and fsyncing the file (the group's leader); the others wait on it.
    private readonly SemaphoreSlim _flushLock = new(1, 1);
    private readonly FileStream _file;
    private readonly TaskCompletionSource _drained = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private ArrayBufferWriter<byte> _pending = new();
    private ArrayBufferWriter<byte> _writing = new();
    private long _enqueued;
    private long _durable;
    private long _fsyncs;
    private long _bytes;
    private int _inFlight;
    private bool _sealed;
    private volatile Exception? _failure;

    public WalSegment(long number, string path)
    {
        Number = number;
        Path = path;
        _file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.Read, bufferSize: 0);
    }

    public long Number { get; }

    public string Path { get; }

    /// <summary>How many times the file was fsync'd: at most once per group of concurrent appends.</summary>
    public long Fsyncs => Volatile.Read(ref _fsyncs);

    /// <summary>Bytes queued to this file so far.</summary>
    public long Bytes => Volatile.Read(ref _bytes);

    /// <summary>Queues one frame; false when the segment is sealed (the caller takes the next segment).</summary>
    public bool TryEnqueue(ReadOnlySpan<byte> payload, out long sequence) => TryEnqueue(payload, out sequence, out _);

    /// <summary>As <see cref="TryEnqueue(ReadOnlySpan{byte}, out long)"/>, also telling where in the file the frame starts.</summary>
    public bool TryEnqueue(ReadOnlySpan<byte> payload, out long sequence, out long offset)
    {
        lock (_gate)
        {
            if (_sealed)
            {
                (sequence, offset) = (0, 0);
                return false;
            }

            offset = _bytes;
            WalFrame.Write(_pending, payload);
            _bytes += WalFrame.HeaderSize + payload.Length;
            _inFlight++;
            sequence = ++_enqueued;
            return true;
        }
    }

    /// <summary>Returns once frame <paramref name="sequence"/> is on disk (written and fsync'd).</summary>
    public async Task WaitDurableAsync(long sequence)
    {
        await _flushLock.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_failure is not null)
            {
                throw new IOException("The write-ahead log could not be written; the store accepts no more writes until it is restarted.", _failure);
            }

            if (Volatile.Read(ref _durable) >= sequence)
            {
                return;
            }

            long through;
            lock (_gate)
            {
                (_pending, _writing) = (_writing, _pending);
                through = _enqueued;
            }

            try
            {
                _file.Write(_writing.WrittenSpan);
                _file.Flush(flushToDisk: true);
            }
            catch (Exception e)
            {
                // After a failed fsync the kernel may have dropped the dirty pages: nothing in this file can be trusted.
                _failure = e;
                throw new IOException("The write-ahead log could not be written; the store accepts no more writes until it is restarted.", e);
            }

            _writing.ResetWrittenCount();
            Interlocked.Increment(ref _fsyncs);
            Volatile.Write(ref _durable, through);
        }
        finally
        {
            _flushLock.Release();
        }
    }

    /// <summary>The append that queued a frame here has put its records into the store (or given up).</summary>
    public void Complete()
    {
        lock (_gate)
        {
            if (--_inFlight == 0 && _sealed)
            {
                _drained.TrySetResult();
            }
        }
    }

    /// <summary>Takes no more frames; the task completes once every queued append has completed.</summary>
    public Task SealAsync()
    {
        lock (_gate)
        {
            _sealed = true;
            if (_inFlight == 0)
            {
                _drained.TrySetResult();
            }
        }

        return _drained.Task;
    }

    public bool Failed => _failure is not null;

    public void Dispose()
    {
        _file.Dispose();
        _flushLock.Dispose();
    }
}
