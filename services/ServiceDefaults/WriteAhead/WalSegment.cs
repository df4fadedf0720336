using System.Buffers;
using System.IO.Hashing;

namespace AirisEpm.ServiceDefaults.WriteAhead;

/// <summary>
/// One write-ahead log file with group commit. An appender copies its frame into the shared pending
/// buffer; if no flush is running it becomes the leader, lets the work already queued for the thread pool run
/// (more appends arrive meanwhile), then writes everything pending and fsyncs once,
/// otherwise it waits for the running flush to end and tries again. So all appenders that queued while
/// one fsync ran share the next, and a flush's end wakes its whole group at once (a lock handed from
/// waiter to waiter would wake them one after another, each a thread-pool hop). An append also counts
/// as in flight until its records are in the store behind the log (<see cref="Complete"/>: the Lucene
/// writers for logs, a committed DuckDB batch for metrics), so a commit can wait for a sealed segment to
/// drain before it deletes the file.
/// </summary>
public sealed class WalSegment : IDisposable
{
    // Guards _pending, _enqueued, _durable, _bytes, _inFlight, _sealed, _flushing and _flushEnded: held only to copy a
    // frame or swap buffers, never during I/O.
    private readonly Lock _gate = new();
    private readonly PreallocatedFile _file;
    private readonly TaskCompletionSource _drained = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private ArrayBufferWriter<byte> _pending = new();
    private ArrayBufferWriter<byte> _writing = new();
    private long _enqueued;
    private long _durable;
    private long _fsyncs;
    private long _bytes;
    private int _inFlight;
    private bool _sealed;

    // True while one appender (the group's leader) writes and fsyncs _writing; _flushEnded completes when it is done.
    private bool _flushing;
    private TaskCompletionSource _flushEnded = NewFlush();
    private volatile Exception? _failure;

    public WalSegment(long number, string path)
    {
        Number = number;
        Path = path;
        _file = new PreallocatedFile(path);
    }

    public long Number { get; }

    public string Path { get; }

    /// <summary>How many times the file was fsync'd: at most once per group of concurrent appends.</summary>
    public long Fsyncs => Interlocked.Read(ref _fsyncs);

    /// <summary>True while group commits fill preallocated space with fdatasync (<see cref="PreallocatedFile"/>).</summary>
    public bool Preallocating => _file.Preallocating;

    /// <summary>Bytes queued to this file so far (the file itself may be longer: preallocated zeros).</summary>
    public long Bytes => Volatile.Read(ref _bytes);

    /// <summary>Queues one frame; false when the segment is sealed (the caller takes the next segment).</summary>
    public bool TryEnqueue(ReadOnlySpan<byte> payload, out long sequence) => TryEnqueue(payload, out sequence, out _);

    /// <summary>As <see cref="TryEnqueue(ReadOnlySpan{byte}, out long)"/>, also telling where in the file the frame starts.</summary>
    public bool TryEnqueue(ReadOnlySpan<byte> payload, out long sequence, out long offset)
    {
        var crc = Crc32.HashToUInt32(payload);
        lock (_gate)
        {
            if (_sealed)
            {
                (sequence, offset) = (0, 0);
                return false;
            }

            offset = _bytes;
            WalFrame.Write(_pending, payload, crc);
            _bytes += WalFrame.HeaderSize + payload.Length;
            _inFlight++;
            sequence = ++_enqueued;
            return true;
        }
    }

    /// <summary>Returns once frame <paramref name="sequence"/> is on disk (written and fsync'd).</summary>
    public async Task WaitDurableAsync(long sequence)
    {
        while (true)
        {
            Task? running = null;
            TaskCompletionSource? group = null;
            long through = 0;
            lock (_gate)
            {
                if (_failure is not null)
                {
                    throw Unwritable(_failure);
                }

                if (_durable >= sequence)
                {
                    return;
                }

                if (_flushing)
                {
                    running = _flushEnded.Task;
                }
                else
                {
                    _flushing = true;
                    group = _flushEnded;
                }
            }

            if (group is not null)
            {
                // Queued behind the work already waiting for a thread (under load, requests about to append), so that
                // more appends share this fsync; with nothing waiting the leader runs again at once.
                await Task.Yield();
                lock (_gate)
                {
                    (_pending, _writing) = (_writing, _pending);
                    through = _enqueued;
                }

                Flush(through, group);
            }
            else
            {
                await running!.ConfigureAwait(false); // then lead the next flush, or find this frame in the one that ended
            }
        }
    }

    /// <summary>The leader's part: writes what it swapped out of the pending buffer, fsyncs, and wakes the appenders waiting for it.</summary>
    private void Flush(long through, TaskCompletionSource group)
    {
        Exception? failure = null;
        try
        {
            _file.AppendDurably(_writing.WrittenSpan);
        }
        catch (Exception e)
        {
            // After a failed fsync the kernel may have dropped the dirty pages: nothing in this file can be trusted.
            failure = e;
        }

        _writing.ResetWrittenCount();
        lock (_gate)
        {
            if (failure is null)
            {
                _durable = through;
                _fsyncs++;
            }
            else
            {
                _failure = failure;
            }

            _flushing = false;
            _flushEnded = NewFlush();
        }

        group.TrySetResult();
    }

    private static TaskCompletionSource NewFlush() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private static IOException Unwritable(Exception cause) =>
        new("The write-ahead log could not be written; the store accepts no more writes until it is restarted.", cause);

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
    }
}
