using AirisEpm.AlertService.Domain.PrometheusRules;
using Dapr.Actors.Runtime;

namespace AirisEpm.AlertService.Rules.Prometheus;

/// <summary>
/// Evaluates one rule group (<see cref="EvaluatingActor{TDefinition, TState}"/>: a reminder every group interval) and
/// keeps its <see cref="PromGroupState"/> (alerts with their pending/firing/resolved times, rule health, the series its
/// rules wrote) in actor state, so a moved or restarted actor carries on where it was, as Prometheus restores alert
/// state. Stopped (its group gone), it marks the series its rules wrote stale before it forgets them.
/// </summary>
public sealed class PromRuleGroupActor(ActorHost host, PromRuleGroups groups, PromGroupRunner runner, ILogger<PromRuleGroupActor> logger)
    : EvaluatingActor<PromRuleGroup, PromGroupState>(host, logger), IPromRuleGroupActor
{
    protected override string StateKey => "group-state";

    protected override PromGroupState Initial => PromGroupState.Initial;

    protected override async Task<PromRuleGroup?> DefinitionAsync() =>
        GroupRef.FromActorId(Id.GetId()) is { } reference ? await groups.FindAsync(reference, CancellationToken.None) : null;

    protected override TimeSpan IntervalOf(PromRuleGroup definition) => runner.IntervalOf(definition);

    protected override string NameOf(PromRuleGroup definition) => definition.Name;

    protected override Task<PromGroupState> EvaluateAsync(PromRuleGroup definition, PromGroupState state) =>
        runner.RunAsync(definition, state, CancellationToken.None);

    protected override Task OnStoppedAsync(PromGroupState state) => runner.MarkGoneAsync(state, CancellationToken.None);
}
