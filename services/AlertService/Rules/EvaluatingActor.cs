using Dapr;
using Dapr.Actors.Runtime;

namespace AirisEpm.AlertService.Rules;

/// <summary>
/// The loop an evaluating actor runs (a native rule's <see cref="RuleActor"/>, a rule file group's
/// <see cref="Prometheus.PromRuleGroupActor"/>): one reminder at the definition's interval, each firing evaluating the
/// definition as stored now on the state kept in actor state. The state is saved only after the evaluation returned
/// (its alerts went into the intake), so a crash in between repeats the evaluation instead of losing a transition. A
/// definition that is gone stops the actor: reminder and state removed, after <see cref="OnStoppedAsync"/> had the last state.
/// </summary>
public abstract partial class EvaluatingActor<TDefinition, TState>(ActorHost host, ILogger logger) : Actor(host), IRemindable
    where TDefinition : class
    where TState : class
{
    public const string EvaluateReminder = "evaluate";

    /// <summary>The actor-state key of the evaluation state.</summary>
    protected abstract string StateKey { get; }

    /// <summary>The state before the first evaluation (and after a stop).</summary>
    protected abstract TState Initial { get; }

    /// <summary>The definition as stored now; null when it is gone.</summary>
    protected abstract Task<TDefinition?> DefinitionAsync();

    protected abstract TimeSpan IntervalOf(TDefinition definition);

    protected abstract string NameOf(TDefinition definition);

    protected abstract Task<TState> EvaluateAsync(TDefinition definition, TState state);

    /// <summary>What a stop does with the last state before it is removed (nothing by default).</summary>
    protected virtual Task OnStoppedAsync(TState state) => Task.CompletedTask;

    /// <summary>(Re)registers the reminder at the interval; stops when the definition is gone.</summary>
    public async Task StartAsync()
    {
        if (await DefinitionAsync() is not { } definition)
        {
            await StopAsync();
            return;
        }

        // Re-registering would push the next evaluation a whole interval out; the reconcilers start every actor on each
        // pass, so an unchanged schedule is left alone.
        var interval = IntervalOf(definition);
        if (await ScheduledPeriodAsync() == interval) return;
        await RegisterReminderAsync(EvaluateReminder, [], interval, interval);
        LogStarted(logger, GetType().Name, NameOf(definition), interval);
    }

    public async Task StopAsync()
    {
        await UnregisterReminderAsync(EvaluateReminder);
        await OnStoppedAsync(await GetStateAsync());
        await StateManager.TryRemoveStateAsync(StateKey);
        await StateManager.SaveStateAsync();
    }

    /// <summary>Evaluates once (the reminder, or a caller outside its schedule) and answers the new state.</summary>
    public async Task<TState> EvaluateNowAsync()
    {
        if (await DefinitionAsync() is not { } definition)
        {
            await StopAsync();
            return Initial;
        }

        var state = await EvaluateAsync(definition, await GetStateAsync());
        await StateManager.SetStateAsync(StateKey, state);
        await StateManager.SaveStateAsync();
        return state;
    }

    public async Task<TState> GetStateAsync() =>
        await StateManager.TryGetStateAsync<TState>(StateKey) is { HasValue: true } stored ? stored.Value : Initial;

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
            // daprd answers a missing reminder with 500 ERR_ACTOR_REMINDER_GET, which the SDK throws: register it then.
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Actor} {Name} evaluates every {Interval}")]
    private static partial void LogStarted(ILogger logger, string actor, string name, TimeSpan interval);
}
