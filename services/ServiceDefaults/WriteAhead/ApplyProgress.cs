using AirisEpm.ServiceDefaults.Batching;

namespace AirisEpm.ServiceDefaults.WriteAhead;

/// <summary>
/// How far a store's applier has got behind its write-ahead log, in items applied in log order: writers wait for room
/// under a capacity of unapplied items, and a read waits until every item acknowledged before it is applied
/// (read-your-writes). Callers that keep a queue beside it update both under their own lock, so the two agree.
/// </summary>
public sealed class ApplyProgress
{
    private readonly Lock _gate = new();
    private long _logged;
    private long _applied;
    private TaskCompletionSource _advanced = NewSignal();

    /// <summary>Items logged and not yet applied.</summary>
    public int Pending
    {
        get
        {
            lock (_gate) return (int)(_logged - _applied);
        }
    }

    /// <summary>Counts <paramref name="items"/> durable in the log (acknowledged); returns the items now unapplied.</summary>
    public int Logged(int items)
    {
        lock (_gate)
        {
            _logged += items;
            return (int)(_logged - _applied);
        }
    }

    /// <summary>Counts <paramref name="items"/> applied, the oldest logged ones, and releases whoever waits.</summary>
    public void Applied(int items)
    {
        TaskCompletionSource advanced;
        lock (_gate)
        {
            _applied += items;
            (advanced, _advanced) = (_advanced, NewSignal());
        }

        advanced.TrySetResult();
    }

    /// <summary>
    /// Returns once <paramref name="items"/> more fit under <paramref name="capacity"/> unapplied items (a larger write
    /// goes in alone, once nothing is pending), asking the applier (<paramref name="wake"/>) to hurry meanwhile.
    /// </summary>
    public async Task WaitForRoomAsync(int items, long capacity, Action wake, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(wake);
        while (true)
        {
            Task advanced;
            lock (_gate)
            {
                var pending = _logged - _applied;
                if (pending == 0 || pending + items <= capacity) return;
                advanced = _advanced.Task;
            }

            wake();
            await advanced.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Returns once every item logged before the call is applied, asking the applier to apply at once; throws
    /// <see cref="BackpressureException"/> (503, <paramref name="notYet"/> as its message) past <paramref name="timeout"/>.
    /// </summary>
    public async Task WaitAppliedAsync(TimeSpan timeout, string notYet, Action wake, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(wake);
        long target;
        lock (_gate)
        {
            target = _logged;
            if (_applied >= target) return;
        }

        wake();
        using var deadline = new CancellationTokenSource(timeout);
        using var either = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token, cancellationToken);
        while (true)
        {
            Task advanced;
            lock (_gate)
            {
                if (_applied >= target) return;
                advanced = _advanced.Task;
            }

            try
            {
                await advanced.WaitAsync(either.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                throw new BackpressureException(notYet, 503, TimeSpan.FromSeconds(2));
            }
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
