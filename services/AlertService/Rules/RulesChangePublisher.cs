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
    private const int ResyncAttempts = 5;

    /// <summary>After one rule was created or updated (<paramref name="rule"/> set) or deleted (null).</summary>
    public Task<AlertRulesChanged?> PublishChangeAsync(string ruleId, RuleDocument? rule, CancellationToken cancellationToken)
    {
        var projection = rule is null ? null : StreamingRuleProjection.Project(ruleId, rule);
        return PublishAsync(set => set.With(ruleId, projection, time.GetUtcNow()), cancellationToken);
    }

    /// <summary>
    /// Rebuilds the set from every stored rule and publishes it, changed or not. Rules may change while
    /// this runs: where the listing and the saved set disagree, a fresh read of that rule decides, and
    /// the new set is saved only if nobody changed the set since it was read (else the resync starts
    /// over). So a resync can neither bring back a rule deleted meanwhile nor drop one just created.
    /// </summary>
    public async Task<AlertRulesChanged> PublishAllAsync(CancellationToken cancellationToken)
    {
        for (var attempt = 1; attempt <= ResyncAttempts; attempt++)
        {
            var listed = StreamingRuleProjection.ProjectAll(await rules.ListAsync(cancellationToken)).ToDictionary(r => r.RuleId, StringComparer.Ordinal);
            var seen = await store.ReadAsync(cancellationToken);
            var disputed = listed.Keys.Union(seen.Rules.Keys)
                .Where(id => !StreamingRuleSet.SameProjection(listed.GetValueOrDefault(id), seen.Rules.GetValueOrDefault(id)))
                .ToList();
            foreach (var id in disputed)
            {
                var fresh = await rules.GetAsync(id, cancellationToken) is { } stored ? StreamingRuleProjection.Project(id, stored.Rule) : null;
                if (fresh is null) listed.Remove(id);
                else listed[id] = fresh;
            }

            var published = await PublishAsync(
                set => set.Version == seen.Version ? set.Replace(listed.Values, time.GetUtcNow()) : null, cancellationToken);
            if (published is not null) return published;
        }

        throw new InvalidOperationException($"The streaming rule set changed during each of {ResyncAttempts} resync attempts.");
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
