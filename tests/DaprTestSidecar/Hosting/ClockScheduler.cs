using System.Collections.Concurrent;

namespace AirisEpm.DaprTestSidecar.Hosting;

/// <summary>
/// Runs callbacks on the mesh clock (timers of a FakeTimeProvider fire when a test advances it).
/// Callbacks run in the background; <see cref="IdleAsync"/> waits for the ones started so far.
/// </summary>
public sealed class ClockScheduler(TimeProvider clock, CancellationToken stopping)
{
    private readonly ConcurrentDictionary<Task, byte> _running = new();

    /// <summary>Fires after <paramref name="due"/>, then every <paramref name="period"/> if given.</summary>
    public ITimer Schedule(TimeSpan due, TimeSpan? period, Func<CancellationToken, Task> callback) =>
        clock.CreateTimer(_ => Run(callback), null, due < TimeSpan.Zero ? TimeSpan.Zero : due, period ?? Timeout.InfiniteTimeSpan);

    public Task IdleAsync() => Task.WhenAll(_running.Keys);

    private void Run(Func<CancellationToken, Task> callback)
    {
        if (stopping.IsCancellationRequested)
        {
            return;
        }

        var task = Task.Run(async () =>
        {
            try
            {
                await callback(stopping);
            }
            catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException)
            {
                // The app went away or the mesh is stopping: daprd logs and carries on.
            }
        });
        _running.TryAdd(task, 0);
        task.ContinueWith(t => _running.TryRemove(t, out _), TaskScheduler.Default);
    }
}
