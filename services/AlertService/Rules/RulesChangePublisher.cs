using AirisEpm.ServiceDefaults.Events;
using AirisEpm.ServiceDefaults.Events.Contracts;

namespace AirisEpm.AlertService.Rules;

/// <summary>
/// After every rule change, publishes the complete set of streaming rules on
/// <c>alerts.rules-changed</c> (a full snapshot, so a lost or reordered delivery heals on the next one).
/// </summary>
public sealed partial class RulesChangePublisher(IRuleRepository rules, IEventBus bus, TimeProvider time, ILogger<RulesChangePublisher> logger)
{
    public async Task<AlertRulesChanged> PublishAsync(CancellationToken cancellationToken)
    {
        var streaming = StreamingRuleProjection.ProjectAll(await rules.ListAsync(cancellationToken));
        var now = time.GetUtcNow();
        var version = await rules.NextVersionAsync(now.ToUnixTimeMilliseconds(), cancellationToken);
        var change = new AlertRulesChanged(version, streaming) { OccurredAt = now };
        await bus.PublishAsync(change, cancellationToken);
        LogPublished(logger, version, streaming.Count);
        return change;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Published rules version {Version} with {StreamingRules} streaming rule(s)")]
    private static partial void LogPublished(ILogger logger, long version, int streamingRules);
}
