using AirisEpm.AlertService.Domain.Rules;
using Dapr.Actors.Runtime;

namespace AirisEpm.AlertService.Rules;

/// <summary>
/// Evaluates one rule (<see cref="EvaluatingActor{TDefinition, TState}"/>: a reminder per evaluation interval) and keeps
/// its <see cref="RuleState"/> in actor state; stopped, a PromQL rule's <c>ALERTS</c> series are marked stale.
/// </summary>
public sealed class RuleActor(ActorHost host, IRuleRepository rules, RuleRunner runner, ILogger<RuleActor> logger)
    : EvaluatingActor<RuleDefinition, RuleState>(host, logger), IRuleActor
{
    protected override string StateKey => "rule-state";

    protected override RuleState Initial => RuleState.Initial;

    protected override async Task<RuleDefinition?> DefinitionAsync()
    {
        var stored = await rules.GetAsync(Id.GetId(), CancellationToken.None);
        return stored is null ? null : RuleDocumentMapper.Map(stored.Id, stored.Rule).Rule;
    }

    protected override TimeSpan IntervalOf(RuleDefinition definition) => definition.EvaluationInterval;

    protected override string NameOf(RuleDefinition definition) => definition.Id;

    protected override async Task<RuleState> EvaluateAsync(RuleDefinition definition, RuleState state) =>
        (await runner.RunAsync(definition, state, CancellationToken.None)).State;

    protected override Task OnStoppedAsync(RuleState state) => runner.MarkGoneAsync(state, CancellationToken.None);
}
