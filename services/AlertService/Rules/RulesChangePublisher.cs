using AirisEpm.ServiceDefaults.Events;
using AirisEpm.ServiceDefaults.Events.Contracts;

namespace AirisEpm.AlertService.Rules;

/// <summary>
/// Keeps the <see cref="StreamingRuleSet"/> in step with the rules and publishes it on
/// <c>alerts.rules-changed</c> whenever it changes (a full snapshot, so a lost or reordered delivery
/// heals on the next one). A change to a rule that is and was evaluated only by its actor publishes
/// nothing. If publishing fails after the set was saved, the next resync
/// (<see cref="PublishAllAsync"/>, run by the <see cref="RuleReconciler"/>) delivers it.
/// </summary>
public sealed partial class RulesChangePublisher(
    IStreamingRuleStore store, IRuleRepository rules, IEventBus bus, TimeProvider time, ILogger<RulesChangePublisher> logger)
{
    /// <summary>After one rule was created or updated (<paramref name="rule"/> set) or deleted (null).</summary>
    public Task<AlertRulesChanged?> PublishChangeAsync(string ruleId, RuleDocument? rule, CancellationToken cancellationToken)
    {
        var projection = rule is null ? null : StreamingRuleProjection.Project(ruleId, rule);
        return PublishAsync(set => set.With(ruleId, projection, time.GetUtcNow()), cancellationToken);
    }

    /// <summary>Rebuilds the set from every stored rule and publishes it, changed or not.</summary>
    public async Task<AlertRulesChanged> PublishAllAsync(CancellationToken cancellationToken)
    {
        var all = StreamingRuleProjection.ProjectAll(await rules.ListAsync(cancellationToken));
        return await PublishAsync(set => set.Replace(all, time.GetUtcNow()), cancellationToken)
               ?? throw new InvalidOperationException("A resync always yields a new version.");
    }

    private async Task<AlertRulesChanged?> PublishAsync(Func<StreamingRuleSet, StreamingRuleSet?> change, CancellationToken cancellationToken)
    {
        if (await store.UpdateAsync(change, cancellationToken) is not { } saved) return null;
        var published = saved.ToEvent(time.GetUtcNow());
        await bus.PublishAsync(published, cancellationToken);
        LogPublished(logger, published.Version, published.StreamingRules.Count);
        return published;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Published rules version {Version} with {StreamingRules} streaming rule(s)")]
    private static partial void LogPublished(ILogger logger, long version, int streamingRules);
}
