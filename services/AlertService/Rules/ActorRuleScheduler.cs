using AirisEpm.AlertService.Application;
using AirisEpm.AlertService.Domain.Rules;
using Dapr.Actors.Client;

namespace AirisEpm.AlertService.Rules;

/// <summary>Rule evaluation through <see cref="RuleActor"/>s.</summary>
public sealed class ActorRuleScheduler(IActorProxyFactory actors) : IRuleScheduler
{
    public Task StartAsync(string ruleId, CancellationToken cancellationToken) => Actor(ruleId).StartAsync();

    public Task StopAsync(string ruleId, CancellationToken cancellationToken) => Actor(ruleId).StopAsync();

    public Task<RuleState> GetStateAsync(string ruleId, CancellationToken cancellationToken) => Actor(ruleId).GetStateAsync();

    public Task<RuleState> EvaluateNowAsync(string ruleId, CancellationToken cancellationToken) => Actor(ruleId).EvaluateNowAsync();

    private IRuleActor Actor(string ruleId) => JsonActorProxy.Create<IRuleActor>(actors, ruleId, nameof(RuleActor));
}
