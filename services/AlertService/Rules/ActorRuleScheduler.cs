using AirisEpm.AlertService.Domain.Rules;
using Dapr.Actors;
using Dapr.Actors.Client;

namespace AirisEpm.AlertService.Rules;

/// <summary>Rule evaluation through <see cref="RuleActor"/>s (JSON serialization, as registered).</summary>
public sealed class ActorRuleScheduler(IActorProxyFactory actors) : IRuleScheduler
{
    private static readonly ActorProxyOptions Options = new() { UseJsonSerialization = true };

    public Task StartAsync(string ruleId, CancellationToken cancellationToken) => Actor(ruleId).StartAsync();

    public Task StopAsync(string ruleId, CancellationToken cancellationToken) => Actor(ruleId).StopAsync();

    public Task<RuleState> GetStateAsync(string ruleId, CancellationToken cancellationToken) => Actor(ruleId).GetStateAsync();

    public Task<RuleState> EvaluateNowAsync(string ruleId, CancellationToken cancellationToken) => Actor(ruleId).EvaluateNowAsync();

    private IRuleActor Actor(string ruleId) =>
        actors.CreateActorProxy<IRuleActor>(new ActorId(ruleId), nameof(RuleActor), Options);
}
