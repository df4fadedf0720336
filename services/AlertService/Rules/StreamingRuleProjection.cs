using AirisEpm.PromQl.Model;
using AirisEpm.AlertService.Domain.Rules;
using AirisEpm.ServiceDefaults.Events.Contracts;

namespace AirisEpm.AlertService.Rules;

/// <summary>
/// Which rules metrics-service can check on ingest. Only a rule whose whole condition is one metric
/// leaf with <c>agg: last</c> compares "the latest raw value" with a threshold, which is exactly
/// what a per-sample check does; any window aggregation, combination or negation needs the query
/// path (the rule actor). The leaf's window does not matter for <c>last</c> on ingest.
/// </summary>
public static class StreamingRuleProjection
{
    public static ThresholdRuleContract? Project(RuleDefinition rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        if (rule.Condition is not MetricCondition { Aggregation: MetricAggregation.Last } leaf) return null;
        return new ThresholdRuleContract(
            rule.Id,
            leaf.Metric,
            leaf.Matchers.Select(m => new LabelMatcherContract(m.Name, Matcher.OperatorText(m.Op), m.Value)).ToList(),
            leaf.Operator.Symbol(),
            leaf.Threshold,
            rule.For.TotalSeconds);
    }

    /// <summary>A stored document's projection; null also when the document no longer maps to a valid rule.</summary>
    public static ThresholdRuleContract? Project(string ruleId, RuleDocument document) =>
        RuleDocumentMapper.Map(ruleId, document).Rule is { } rule ? Project(rule) : null;

    public static IReadOnlyList<ThresholdRuleContract> ProjectAll(IEnumerable<StoredRule> rules) =>
        rules.Select(r => Project(r.Id, r.Rule)).OfType<ThresholdRuleContract>().ToList();
}
