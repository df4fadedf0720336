using AirisEpm.AlertService.Domain.Rules;
using Dapr;
using Dapr.Actors.Runtime;

namespace AirisEpm.AlertService.Rules;

/// <summary>
/// Evaluates one rule on a reminder per evaluation interval and keeps its <see cref="RuleState"/>
/// in actor state. The state is saved only after the alerts went into the intake, so a crash in
/// between repeats the evaluation instead of losing a transition.
/// </summary>
public sealed partial class RuleActor(ActorHost host, IRuleRepository rules, RuleRunner runner, ILogger<RuleActor> logger)
    : Actor(host), IRuleActor, IRemindable
{
    public const string EvaluateReminder = "evaluate";
    private const string StateKey = "rule-state";

    public async Task StartAsync()
    {
        if (await DefinitionAsync() is not { } rule)
        {
            await StopAsync();
            return;
        }

        // Re-registering would push the next evaluation a whole interval out; the reconciler starts
        // every rule on each pass, so an unchanged schedule is left alone.
        if (await ScheduledPeriodAsync() == rule.EvaluationInterval) return;
        await RegisterReminderAsync(EvaluateReminder, [], rule.EvaluationInterval, rule.EvaluationInterval);
        LogStarted(logger, rule.Id, rule.EvaluationInterval);
    }

    public async Task StopAsync()
    {
        await UnregisterReminderAsync(EvaluateReminder);
        await StateManager.TryRemoveStateAsync(StateKey);
        await StateManager.SaveStateAsync();
    }

    public async Task<RuleState> EvaluateNowAsync()
    {
        if (await DefinitionAsync() is not { } rule)
        {
            await StopAsync();
            return RuleState.Initial;
        }

        var step = await runner.RunAsync(rule, await GetStateAsync(), CancellationToken.None);
        await StateManager.SetStateAsync(StateKey, step.State);
        await StateManager.SaveStateAsync();
        return step.State;
    }

    public async Task<RuleState> GetStateAsync() =>
        await StateManager.TryGetStateAsync<RuleState>(StateKey) is { HasValue: true } stored ? stored.Value : RuleState.Initial;

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
            // daprd answers a missing reminder with 500 ERR_ACTOR_REMINDER_GET, which the SDK throws;
            // any other failure here also just means "register it again".
            return null;
        }
    }

    private async Task<RuleDefinition?> DefinitionAsync()
    {
        var stored = await rules.GetAsync(Id.GetId(), CancellationToken.None);
        return stored is null ? null : RuleDocumentMapper.Map(stored.Id, stored.Rule).Rule;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Rule {RuleId} evaluates every {Interval}")]
    private static partial void LogStarted(ILogger logger, string ruleId, TimeSpan interval);
}
