using Dapr;
using Dapr.Actors;
using Dapr.Actors.Runtime;

namespace AirisEpm.DaprTestSidecar.Tests.Actors;

public interface ICounterActor : IActor
{
    Task<int> IncrementAsync(int by);

    Task<int> GetAsync();

    Task RemindInAsync(TimeSpan due);

    Task TickEveryAsync(TimeSpan period);

    /// <summary>The period of the "bump" reminder as the SDK reads it back, or the error code of a failed read.</summary>
    Task<string> BumpPeriodAsync();
}

/// <summary>An in-test actor: a counter in actor state, bumped by calls and by its reminder.</summary>
public sealed class CounterActor(ActorHost host) : Actor(host), ICounterActor, IRemindable
{
    private const string Key = "count";

    public async Task<int> IncrementAsync(int by)
    {
        var current = await StateManager.GetOrAddStateAsync(Key, 0);
        await StateManager.SetStateAsync(Key, current + by);
        await StateManager.SaveStateAsync();
        return current + by;
    }

    public Task<int> GetAsync() => StateManager.GetOrAddStateAsync(Key, 0);

    public Task RemindInAsync(TimeSpan due) => RegisterReminderAsync("bump", [1], due, TimeSpan.FromMilliseconds(-1));

    public async Task<string> BumpPeriodAsync()
    {
        try
        {
            return (await GetReminderAsync("bump"))?.Period.ToString() ?? "none";
        }
        catch (DaprApiException e)
        {
            return e.ErrorCode;
        }
    }

    public Task TickEveryAsync(TimeSpan period) => RegisterTimerAsync("tick", nameof(OnTickAsync), null, period, period);

    public Task OnTickAsync() => IncrementAsync(10);

    public async Task ReceiveReminderAsync(string reminderName, byte[] state, TimeSpan dueTime, TimeSpan period) =>
        await IncrementAsync(100);
}
