namespace AirisEpm.AlertService.Domain.PrometheusRules;

/// <summary>A Prometheus rule file: its groups in file order.</summary>
public sealed record PromRuleFile(IReadOnlyList<PromRuleGroup> Groups)
{
    public static PromRuleFile Empty { get; } = new([]);

    public int RuleCount => Groups.Sum(g => g.Rules.Count);
}

/// <summary>
/// A rule group: rules evaluated in order every <see cref="Interval"/> (null: the global evaluation interval) at
/// the evaluation time less <see cref="QueryOffset"/>. <see cref="Limit"/> caps the alerts of an alerting rule and the
/// series of a recording rule (0: no limit). <see cref="Labels"/> are added to every rule's (a rule's own win).
/// </summary>
public sealed record PromRuleGroup(
    string Name,
    TimeSpan? Interval,
    int Limit,
    TimeSpan? QueryOffset,
    IReadOnlyDictionary<string, string> Labels,
    IReadOnlyList<PromRule> Rules);

/// <summary>A rule of a group: its name (alert or record), its PromQL text and its labels (templates for alerting rules).</summary>
public abstract record PromRule(string Name, string Expr, IReadOnlyDictionary<string, string> Labels);

public sealed record PromAlertingRule(
    string Name,
    string Expr,
    TimeSpan For,
    TimeSpan KeepFiringFor,
    IReadOnlyDictionary<string, string> Labels,
    IReadOnlyDictionary<string, string> Annotations) : PromRule(Name, Expr, Labels);

public sealed record PromRecordingRule(string Name, string Expr, IReadOnlyDictionary<string, string> Labels) : PromRule(Name, Expr, Labels);
