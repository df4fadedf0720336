using AirisEpm.MetricsService.Domain;
using AirisEpm.MetricsService.Storage;
using AirisEpm.ServiceDefaults.Events.Contracts;

namespace AirisEpm.MetricsService.Thresholds;

/// <summary>A streaming threshold rule, compiled for evaluation on every ingested sample.</summary>
public sealed class ThresholdRule
{
    private ThresholdRule(ThresholdRuleContract contract, IReadOnlyList<LabelMatcher> matchers, ComparisonOperator op)
    {
        Contract = contract;
        Matchers = matchers;
        Operator = op;
    }

    public ThresholdRuleContract Contract { get; }

    public string Id => Contract.RuleId;

    public IReadOnlyList<LabelMatcher> Matchers { get; }

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

        var matchers = new List<LabelMatcher>();
        foreach (var m in contract.Matchers)
        {
            MatchOp? matchOp = m.Op switch
            {
                "=" => MatchOp.Equal,
                "!=" => MatchOp.NotEqual,
                "=~" => MatchOp.Regex,
                "!~" => MatchOp.NotRegex,
                _ => null,
            };
            if (matchOp is null)
            {
                error = $"rule {contract.RuleId}: unknown matcher operator '{m.Op}' for label '{m.Name}'";
                return null;
            }

            try
            {
                matchers.Add(new LabelMatcher(m.Name, matchOp.Value, m.Value));
            }
            catch (ArgumentException ex)
            {
                error = $"rule {contract.RuleId}: invalid regex for label '{m.Name}': {ex.Message}";
                return null;
            }
        }

        error = null;
        return new ThresholdRule(contract, matchers, op);
    }

    public bool Selects(MetricSample sample) =>
        sample.Name == Contract.MetricName && Matchers.All(m => m.Matches(sample.Labels[m.Name]));
}
