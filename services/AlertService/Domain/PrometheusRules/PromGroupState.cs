namespace AirisEpm.AlertService.Domain.PrometheusRules;

/// <summary>
/// A rule's evaluation state within its group: health, for an alerting rule its alerts, and the <see cref="Series"/> its
/// last evaluation wrote (recording output, or <c>ALERTS</c>/<c>ALERTS_FOR_STATE</c>), which the next one marks stale when
/// they are gone (Prometheus's <c>seriesInPreviousEval</c>).
/// </summary>
public sealed record PromRuleStatus(string Name, bool Alerting, PromRuleHealth Health, IReadOnlyList<PromAlert> Alerts)
{
    public IReadOnlyList<IReadOnlyDictionary<string, string>> Series { get; init; } = [];

    public AlertingRuleState AlertingState => new(Alerts, Health);
}

/// <summary>
/// What a group keeps between evaluations: when it last ran, how long it took, each rule's status in rule order, and the
/// <see cref="StaleSeries"/> of rules no longer in it whose stale markers could not be written yet.
/// </summary>
public sealed record PromGroupState(DateTimeOffset? LastEvaluation, double EvaluationSeconds, IReadOnlyList<PromRuleStatus> Rules)
{
    public static PromGroupState Initial { get; } = new(null, 0, []);

    public IReadOnlyList<IReadOnlyDictionary<string, string>> StaleSeries { get; init; } = [];

    /// <summary>Every series the group's rules wrote that a stale marker would end: the group is gone.</summary>
    public IEnumerable<IReadOnlyDictionary<string, string>> AllSeries() => Rules.SelectMany(r => r.Series).Concat(StaleSeries);

    /// <summary>The state for <paramref name="group"/>'s current rules (<see cref="Align"/>).</summary>
    public IReadOnlyList<PromRuleStatus> AlignedTo(PromRuleGroup group) => Align(group).Rules;

    /// <summary>
    /// The state for <paramref name="group"/>'s current rules: a rule keeps the status of the rule of the same kind and
    /// name at the same position, else of the first such rule anywhere (as Prometheus carries alert state across a
    /// reload); a new rule starts unknown. <c>Orphaned</c> are the series of the rules no status went to (removed rules),
    /// with the stale series still pending: Prometheus's <c>staleSeries</c> after <c>CopyState</c>.
    /// </summary>
    public (IReadOnlyList<PromRuleStatus> Rules, IReadOnlyList<IReadOnlyDictionary<string, string>> Orphaned) Align(PromRuleGroup group)
    {
        ArgumentNullException.ThrowIfNull(group);
        var unused = Rules.ToList();
        List<PromRuleStatus> aligned = [.. group.Rules.Select((rule, i) =>
        {
            var alerting = rule is PromAlertingRule;
            bool Same(PromRuleStatus s) => s.Name == rule.Name && s.Alerting == alerting;
            var match = i < Rules.Count && Same(Rules[i]) && unused.Contains(Rules[i]) ? Rules[i] : unused.FirstOrDefault(Same);
            if (match is not null) unused.Remove(match);
            return match ?? new PromRuleStatus(rule.Name, alerting, PromRuleHealth.Initial, []);
        })];
        return (aligned, [.. unused.SelectMany(s => s.Series).Concat(StaleSeries)]);
    }
}
