namespace AirisEpm.ServiceDefaults.Events.Contracts;

/// <summary>
/// A rule simple enough to be checked on every ingested sample: one metric, matchers, a comparison.
/// <see cref="Operator"/> is one of &gt;, &gt;=, &lt;, &lt;=, ==, !=. A series must breach for
/// <see cref="ForSeconds"/> before it fires.
/// </summary>
public sealed record ThresholdRuleContract(
    string RuleId,
    string MetricName,
    IReadOnlyList<LabelMatcherContract> Matchers,
    string Operator,
    double Threshold,
    double ForSeconds);
