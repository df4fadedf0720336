using AirisEpm.MetricsService.Domain;
using AirisEpm.ServiceDefaults.Events.Contracts;

namespace AirisEpm.MetricsService.Thresholds;

/// <summary>A streaming threshold rule, compiled for evaluation on every ingested sample.</summary>
public sealed class ThresholdRule
{
    private ThresholdRule(ThresholdRuleContract contract, IReadOnlyList<ThresholdMatcher> matchers, ComparisonOperator op)
    {
        Contract = contract;
        Matchers = matchers;
        Operator = op;
    }

    public ThresholdRuleContract Contract { get; }

    public string Id => Contract.RuleId;

    public IReadOnlyList<ThresholdMatcher> Matchers { get; }

    public ComparisonOperator Operator { get; }

    public TimeSpan For => TimeSpan.FromSeconds(Contract.ForSeconds);

    public static ThresholdRule? TryCompile(ThresholdRuleContract contract, out string? error)
    {
        ArgumentNullException.ThrowIfNull(contract);
        if (!ComparisonOperators.TryParse(contract.Operator, out var op))
        {
            error = $"rule {contract.RuleId}: unknown operator '{contract.Operator}'";
            return null;
        }

        var matchers = new List<ThresholdMatcher>();
        foreach (var m in contract.Matchers)
        {
            var matcher = ThresholdMatcher.TryCreate(m.Name, m.Op, m.Value, out error);
            if (matcher is null)
            {
                error = $"rule {contract.RuleId}: {error}";
                return null;
            }

            matchers.Add(matcher);
        }

        error = null;
        return new ThresholdRule(contract, matchers, op);
    }

    public bool Selects(MetricSample sample) =>
        sample.Name == Contract.MetricName && Matchers.All(m => m.Matches(sample.Labels));
}
