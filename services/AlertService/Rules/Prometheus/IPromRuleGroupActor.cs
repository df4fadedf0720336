using AirisEpm.AlertService.Domain.PrometheusRules;
using Dapr.Actors;

namespace AirisEpm.AlertService.Rules.Prometheus;

/// <summary>
/// One actor per group of a rule file (actor id: <see cref="GroupRef.ActorId"/>). It reads its group from the stored
/// file at every evaluation, so replacing a file needs no message beyond <see cref="StartAsync"/> re-registering the
/// reminder when the interval changed. Called with JSON serialization.
/// </summary>
public interface IPromRuleGroupActor : IActor
{
    /// <summary>(Re)registers the evaluation reminder at the group's interval; stops when the group is gone.</summary>
    Task StartAsync();

    /// <summary>Removes the reminder and the group's state.</summary>
    Task StopAsync();

    Task<PromGroupState> EvaluateNowAsync();

    Task<PromGroupState> GetStateAsync();
}
