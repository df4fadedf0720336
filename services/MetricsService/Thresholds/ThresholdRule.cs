using AirisEpm.MetricsService.Domain;
using AirisEpm.ServiceDefaults.Events.Contracts;
using Matcher = AirisEpm.PromQl.Model.Matcher;
using MatchOp = AirisEpm.PromQl.Model.MatchOp;

namespace AirisEpm.MetricsService.Thresholds;

/// <summary>A streaming threshold rule, compiled for evaluation on every ingested sample.</summary>
public sealed class ThresholdRule
{
    private ThresholdRule(ThresholdRuleContract contract, IReadOnlyList<Matcher> matchers, ComparisonOperator op)
    {
        Contract = contract;
        Matchers = matchers;
        Operator = op;
    }

    public ThresholdRuleContract Contract { get; }

    public string Id => Contract.RuleId;

    public IReadOnlyList<Matcher> Matchers { get; }

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

        var matchers = new List<Matcher>();
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

            if (m.Name.Length == 0)
            {
                error = $"rule {contract.RuleId}: a matcher has an empty label name";
                return null;
            }

            if (!Matcher.TryCreate(m.Name, matchOp.Value, m.Value, out var matcher, out var reason))
            {
                error = $"rule {contract.RuleId}: invalid regex for label '{m.Name}': {reason}";
                return null;
            }

            matchers.Add(matcher);
        }

        error = null;
        return new ThresholdRule(contract, matchers, op);
    }

    public bool Selects(MetricSample sample) =>
        sample.Name == Contract.MetricName && Matchers.All(m => m.Matches(sample.Labels[m.Name]));
}
