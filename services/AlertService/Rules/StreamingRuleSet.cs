using AirisEpm.ServiceDefaults.Events.Contracts;

namespace AirisEpm.AlertService.Rules;

/// <summary>
/// The rules metrics-service checks on ingest, by rule id, with the version of the last change.
/// It lives in one state key so the version moves with the set under one ETag: the order of
/// versions is the order of changes, even with several replicas publishing.
/// A change that leaves the set as it was returns null, so nothing is published for it.
/// </summary>
public sealed record StreamingRuleSet(long Version, IReadOnlyDictionary<string, ThresholdRuleContract> Rules)
{
    public static StreamingRuleSet Empty { get; } = new(0, new Dictionary<string, ThresholdRuleContract>());

    /// <summary>Sets one rule's projection, or removes the rule when <paramref name="projection"/> is null.</summary>
    public StreamingRuleSet? With(string ruleId, ThresholdRuleContract? projection, DateTimeOffset now)
    {
        if (SameProjection(Rules.GetValueOrDefault(ruleId), projection)) return null;
        var rules = new Dictionary<string, ThresholdRuleContract>(Rules, StringComparer.Ordinal);
        if (projection is null) rules.Remove(ruleId);
        else rules[ruleId] = projection;
        return new StreamingRuleSet(NextVersion(now), rules);
    }

    /// <summary>The whole set anew (a resync), always with a new version so it is published.</summary>
    public StreamingRuleSet Replace(IEnumerable<ThresholdRuleContract> all, DateTimeOffset now)
    {
        var rules = new Dictionary<string, ThresholdRuleContract>(StringComparer.Ordinal);
        foreach (var rule in all) rules[rule.RuleId] = rule;
        return new StreamingRuleSet(NextVersion(now), rules);
    }

    public AlertRulesChanged ToEvent(DateTimeOffset occurredAt) =>
        new(Version, [.. Rules.Values.OrderBy(r => r.RuleId, StringComparer.Ordinal)]) { OccurredAt = occurredAt };

    // At least the change's Unix ms, so versions keep growing past a wiped state store;
    // above the last version, so a clock step backwards cannot reorder changes.
    private long NextVersion(DateTimeOffset now) => Math.Max(now.ToUnixTimeMilliseconds(), Version + 1);

    /// <summary>Equal projections (null meaning "not streaming"), comparing matchers by value.</summary>
    public static bool SameProjection(ThresholdRuleContract? a, ThresholdRuleContract? b) =>
        a is null || b is null
            ? a is null && b is null
            : a with { Matchers = b.Matchers } == b && a.Matchers.SequenceEqual(b.Matchers);
}
