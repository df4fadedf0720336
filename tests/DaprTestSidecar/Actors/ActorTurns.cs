using System.Collections.Concurrent;

namespace AirisEpm.DaprTestSidecar.Actors;

/// <summary>
/// daprd's turn-based concurrency with reentrancy off: one call at a time per actor id. A method call,
/// a reminder, a timer or a deactivation of an actor waits until the one before it has answered; calls
/// to different actors run concurrently. Waiters are served in arrival order (SemaphoreSlim queues them).
/// As in daprd, an actor that calls itself, directly or through another actor, waits for itself forever.
/// </summary>
public sealed class ActorTurns
{
    private readonly ConcurrentDictionary<ActorKey, Turn> _turns = new();

    /// <summary>Waits for <paramref name="actor"/>'s turn; disposing the result ends it.</summary>
    public async Task<IDisposable> EnterAsync(ActorKey actor, CancellationToken cancellationToken)
    {
        while (true)
        {
            var turn = _turns.GetOrAdd(actor, _ => new Turn());
            if (!turn.TryJoin())
            {
                continue; // retired by its last user between GetOrAdd and TryJoin: take the new one
            }

            try
            {
                await turn.Gate.WaitAsync(cancellationToken);
            }
            catch (OperationCanceledException)
            {
                Leave(actor, turn, entered: false);
                throw;
            }

            return new Held(this, actor, turn);
        }
    }

    /// <summary>How many actors have a call running or waiting (entries are dropped when the last leaves).</summary>
    public int Busy => _turns.Count;

    private void Leave(ActorKey actor, Turn turn, bool entered)
    {
        if (entered)
        {
            turn.Gate.Release();
        }

        if (turn.TryRetire())
        {
            _turns.TryRemove(KeyValuePair.Create(actor, turn));
        }
    }

    /// <summary>One actor's gate and how many calls hold or wait for it (-1 once retired).</summary>
    private sealed class Turn
    {
        private readonly Lock _lock = new();
        private int _users;

        public SemaphoreSlim Gate { get; } = new(1, 1);

        public bool TryJoin()
        {
            lock (_lock)
            {
                if (_users < 0)
                {
                    return false;
                }

                _users++;
                return true;
            }
        }

        public bool TryRetire()
        {
            lock (_lock)
            {
                if (--_users > 0)
                {
                    return false;
                }

                _users = -1;
                return true;
            }
        }
    }

    private sealed class Held(ActorTurns turns, ActorKey actor, Turn turn) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                turns.Leave(actor, turn, entered: true);
            }
        }
    }
}
