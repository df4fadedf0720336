using AirisEpm.AlertService.Domain.Rules;
using Dapr.Actors;

namespace AirisEpm.AlertService.Rules;

/// <summary>
/// One actor per rule (actor id = rule id). It reads its rule from <see cref="IRuleRepository"/> on
/// every evaluation, so an update needs no message beyond <see cref="StartAsync"/> re-registering
/// the reminder with the new interval. Called with JSON serialization.
/// </summary>
public interface IRuleActor : IActor
{
    /// <summary>(Re)registers the evaluation reminder at the rule's interval; stops when the rule is gone.</summary>
    Task StartAsync();

    /// <summary>Removes the reminder and the evaluation state.</summary>
    Task StopAsync();

    /// <summary>Evaluates once, outside the reminder schedule, and answers the new state.</summary>
    Task<RuleState> EvaluateNowAsync();

    Task<RuleState> GetStateAsync();
}
