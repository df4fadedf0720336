using AirisEpm.AlertService.Application;
using AirisEpm.AlertService.Domain.PrometheusRules;
using Dapr.Actors.Client;

namespace AirisEpm.AlertService.Rules.Prometheus;

/// <summary>Group evaluation through <see cref="PromRuleGroupActor"/>s.</summary>
public sealed class ActorPromRuleGroupScheduler(IActorProxyFactory actors) : IPromRuleGroupScheduler
{
    public Task StartAsync(GroupRef group, CancellationToken cancellationToken) => Actor(group).StartAsync();

    public Task StopAsync(GroupRef group, CancellationToken cancellationToken) => Actor(group).StopAsync();

    public Task<PromGroupState> GetStateAsync(GroupRef group, CancellationToken cancellationToken) => Actor(group).GetStateAsync();

    public Task<PromGroupState> EvaluateNowAsync(GroupRef group, CancellationToken cancellationToken) => Actor(group).EvaluateNowAsync();

    private IPromRuleGroupActor Actor(GroupRef group) =>
        JsonActorProxy.Create<IPromRuleGroupActor>(actors, group.ActorId, nameof(PromRuleGroupActor));
}
