using AirisEpm.ServiceDefaults.Batching;

namespace AirisEpm.ServiceDefaults.Tests.Batching;

/// <summary>
/// A sink that records every batch it made durable. It can fail a number of times (or until told
/// to recover) and can hold its first write open, to test retries, backpressure and ordering.
/// </summary>
internal sealed class RecordingSink : IBatchSink<int>
{
    private readonly Lock _gate = new();
    private readonly List<int[]> _batches = [];
    private int _failuresLeft;
    private int _attempts;
    private TaskCompletionSource? _holdFirstWrite;

    public RecordingSink(int failures = 0) => _failuresLeft = failures;

    /// <summary>Fails every write until <see cref="Recover"/> is called.</summary>
    public void FailUntilRecovered() => Volatile.Write(ref _failuresLeft, int.MaxValue);

    public void Recover() => Volatile.Write(ref _failuresLeft, 0);

    /// <summary>The first write waits until the returned source completes.</summary>
    public TaskCompletionSource HoldFirstWrite() =>
        _holdFirstWrite = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    public int Attempts => Volatile.Read(ref _attempts);

    public IReadOnlyList<int[]> Batches
    {
        get
        {
            lock (_gate)
            {
                return [.. _batches];
            }
        }
    }

    public int[] Written => [.. Batches.SelectMany(b => b)];

    public async Task WriteBatchAsync(IReadOnlyList<int> batch, CancellationToken cancellationToken)
    {
        var attempt = Interlocked.Increment(ref _attempts);
        if (attempt == 1 && _holdFirstWrite is { } hold)
        {
            await hold.Task.WaitAsync(cancellationToken);
        }

        if (Volatile.Read(ref _failuresLeft) > 0)
        {
            Interlocked.Decrement(ref _failuresLeft);
            throw new IOException($"store unavailable (attempt {attempt})");
        }

        lock (_gate)
        {
            _batches.Add([.. batch]);
        }
    }
}
