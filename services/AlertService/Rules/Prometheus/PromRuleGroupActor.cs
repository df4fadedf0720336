using AirisEpm.AlertService.Domain.PrometheusRules;
using Dapr;
using Dapr.Actors.Runtime;

namespace AirisEpm.AlertService.Rules.Prometheus;

/// <summary>
/// Evaluates one rule group on a reminder every group interval and keeps its <see cref="PromGroupState"/> (alerts
/// with their pending/firing/resolved times, rule health) in actor state, so a moved or restarted actor carries on
/// where it was, as Prometheus restores alert state. The state is saved only after the alerts went into the intake.
/// Stopped (its group gone), it marks the series its rules wrote stale before it forgets them.
/// </summary>
public sealed partial class PromRuleGroupActor(ActorHost host, PromRuleGroups groups, PromGroupRunner runner, ILogger<PromRuleGroupActor> logger)
    : Actor(host), IPromRuleGroupActor, IRemindable
{
    public const string EvaluateReminder = "evaluate";
    private const string StateKey = "group-state";

    public async Task StartAsync()
    {
        if (await GroupAsync() is not { } group)
        {
            await StopAsync();
            return;
        }

        var interval = runner.IntervalOf(group);
        if (await ScheduledPeriodAsync() == interval) return;
        await RegisterReminderAsync(EvaluateReminder, [], interval, interval);
        LogStarted(logger, group.Name, interval);
    }

    public async Task StopAsync()
    {
        await UnregisterReminderAsync(EvaluateReminder);
        await runner.MarkGoneAsync(await GetStateAsync(), CancellationToken.None);
        await StateManager.TryRemoveStateAsync(StateKey);
        await StateManager.SaveStateAsync();
    }

    public async Task<PromGroupState> EvaluateNowAsync()
    {
        if (await GroupAsync() is not { } group)
        {
            await StopAsync();
            return PromGroupState.Initial;
        }

        var state = await runner.RunAsync(group, await GetStateAsync(), CancellationToken.None);
        await StateManager.SetStateAsync(StateKey, state);
        await StateManager.SaveStateAsync();
        return state;
    }

    public async Task<PromGroupState> GetStateAsync() =>
        await StateManager.TryGetStateAsync<PromGroupState>(StateKey) is { HasValue: true } stored ? stored.Value : PromGroupState.Initial;

    public async Task ReceiveReminderAsync(string reminderName, byte[] state, TimeSpan dueTime, TimeSpan period)
    {
        if (reminderName == EvaluateReminder) await EvaluateNowAsync();
    }

    private async Task<TimeSpan?> ScheduledPeriodAsync()
    {
        try
        {
            return (await GetReminderAsync(EvaluateReminder))?.Period;
        }
        catch (DaprApiException)
        {
            // daprd answers a missing reminder with 500 ERR_ACTOR_REMINDER_GET; register it then.
            return null;
        }
    }

    private async Task<PromRuleGroup?> GroupAsync() =>
        GroupRef.FromActorId(Id.GetId()) is { } reference ? await groups.FindAsync(reference, CancellationToken.None) : null;

    [LoggerMessage(Level = LogLevel.Information, Message = "Prometheus rule group {Group} evaluates every {Interval}")]
    private static partial void LogStarted(ILogger logger, string group, TimeSpan interval);
}
