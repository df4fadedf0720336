namespace AirisEpm.AlertService.Domain.PrometheusRules;

/// <summary>A rule's evaluation state within its group: health, and for an alerting rule its alerts.</summary>
public sealed record PromRuleStatus(string Name, bool Alerting, PromRuleHealth Health, IReadOnlyList<PromAlert> Alerts)
{
    public AlertingRuleState AlertingState => new(Alerts, Health);
}

/// <summary>What a group keeps between evaluations: when it last ran, how long it took, each rule's status in rule order.</summary>
public sealed record PromGroupState(DateTimeOffset? LastEvaluation, double EvaluationSeconds, IReadOnlyList<PromRuleStatus> Rules)
{
    public static PromGroupState Initial { get; } = new(null, 0, []);

    /// <summary>
    /// The state for <paramref name="group"/>'s current rules: a rule keeps the status of the rule of the same kind and
    /// name at the same position, else of the first such rule anywhere (as Prometheus carries alert state across a
    /// reload); a new rule starts unknown.
    /// </summary>
    public IReadOnlyList<PromRuleStatus> AlignedTo(PromRuleGroup group)
    {
        ArgumentNullException.ThrowIfNull(group);
        var unused = Rules.ToList();
        return group.Rules.Select((rule, i) =>
        {
            var alerting = rule is PromAlertingRule;
            bool Same(PromRuleStatus s) => s.Name == rule.Name && s.Alerting == alerting;
            var match = i < Rules.Count && Same(Rules[i]) && unused.Contains(Rules[i]) ? Rules[i] : unused.FirstOrDefault(Same);
            if (match is not null) unused.Remove(match);
            return match ?? new PromRuleStatus(rule.Name, alerting, PromRuleHealth.Initial, []);
        }).ToList();
    }
}
