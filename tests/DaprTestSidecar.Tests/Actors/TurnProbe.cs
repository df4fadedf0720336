using System.Collections.Concurrent;

namespace AirisEpm.DaprTestSidecar.Tests.Actors;

/// <summary>
/// What the calls into <see cref="RawActorHost"/> record: the order they entered and left in, how many ran at once
/// per actor id and over all ids, and gates a test opens to let a held call finish.
/// </summary>
public sealed class TurnProbe
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, int> _inFlight = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _gates = new(StringComparer.Ordinal);
    private int _all;

    public ConcurrentQueue<string> Log { get; } = new();

    /// <summary>The most calls ever inside one actor id at once.</summary>
    public int MostPerActor { get; private set; }

    /// <summary>The most calls ever inside any actors at once.</summary>
    public int MostOverall { get; private set; }

    public IDisposable Enter(string actorId, string what)
    {
        lock (_lock)
        {
            var inside = _inFlight[actorId] = _inFlight.GetValueOrDefault(actorId) + 1;
            MostPerActor = Math.Max(MostPerActor, inside);
            MostOverall = Math.Max(MostOverall, ++_all);
        }

        Log.Enqueue($"enter {actorId} {what}");
        return new Exit(this, actorId, what);
    }

    /// <summary>Completes when at least <paramref name="count"/> calls are inside at once, false after <paramref name="timeout"/>.</summary>
    public async Task<bool> WaitForOverallAsync(int count, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (MostOverall >= count)
            {
                return true;
            }

            await Task.Delay(10);
        }

        return false;
    }

    public Task GateAsync(string name) => _gates.GetOrAdd(name, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    public void Open(string name) => _gates.GetOrAdd(name, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();

    private void Leave(string actorId, string what)
    {
        Log.Enqueue($"leave {actorId} {what}");
        lock (_lock)
        {
            _inFlight[actorId]--;
            _all--;
        }
    }

    private sealed class Exit(TurnProbe probe, string actorId, string what) : IDisposable
    {
        public void Dispose() => probe.Leave(actorId, what);
    }
}
