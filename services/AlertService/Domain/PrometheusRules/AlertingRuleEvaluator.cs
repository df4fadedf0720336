namespace AirisEpm.AlertService.Domain.PrometheusRules;

/// <summary>
/// One evaluation of an alerting rule over its query's answer, as Prometheus's <c>AlertingRule.Eval</c>:
/// <code>
///   each output series → an alert keyed by its labels (series labels − __name__ + expanded rule labels + alertname)
///   new key            → pending, activeAt = t            (annotations and value refreshed on every evaluation)
///   pending ≥ for      → firing, firedAt = t
///   key gone:  pending → dropped;  firing → inactive, resolvedAt = t  (unless keep_firing_for still holds it)
///   inactive > 15 min  → dropped (it was reported resolved meanwhile)
/// </code>
/// Two series with the same labels after the rule's labels, a query that failed, or more alerts than the group's
/// limit make the evaluation an error: the alerts stay as they were (all cleared for the limit, as Prometheus does).
/// Cost: O(series + alerts) per evaluation, plus the templates.
/// </summary>
public static class AlertingRuleEvaluator
{
    /// <summary>How long a resolved alert is kept (and re-sent as resolved): Prometheus's <c>resolvedRetention</c>.</summary>
    public static readonly TimeSpan ResolvedRetention = TimeSpan.FromMinutes(15);

    public static AlertingRuleState Evaluate(PromAlertingRule rule, AlertingRuleState state, PromQueryAnswer answer, RuleEvaluationContext context, double evaluationSeconds = 0)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(answer);
        ArgumentNullException.ThrowIfNull(context);
        var ts = context.Timestamp;
        if (answer.Samples is not { } samples) return state with { Health = Failed(answer.Error ?? "query failed", ts, evaluationSeconds) };

        var fresh = new Dictionary<string, PromAlert>(StringComparer.Ordinal);
        var labelTemplates = MergedLabels(context.GroupLabels, rule.Labels);
        foreach (var sample in samples)
        {
            var data = new PromTemplateData(sample.Labels, context.ExternalLabels, context.ExternalUrl, sample.Value);
            string Expand(string text) => PromTemplate.Expand(rule.Name, text, data, ts, context.Querier);
            var labels = new Dictionary<string, string>(sample.Labels.Where(l => l.Key != "__name__"), StringComparer.Ordinal);
            foreach (var (name, template) in labelTemplates)
            {
                var value = Expand(template);
                if (value.Length == 0) labels.Remove(name);
                else labels[name] = value;
            }

            labels["alertname"] = rule.Name;
            var annotations = rule.Annotations.ToDictionary(a => a.Key, a => Expand(a.Value), StringComparer.Ordinal);
            var alert = new PromAlert(labels, annotations, PromAlertState.Pending, sample.Value, ts);
            if (!fresh.TryAdd(alert.Key, alert))
            {
                return state with { Health = Failed("vector contains metrics with the same labelset after applying alert labels", ts, evaluationSeconds) };
            }
        }

        var active = state.Alerts.ToDictionary(a => a.Key, StringComparer.Ordinal);
        foreach (var (key, alert) in fresh)
        {
            active[key] = active.TryGetValue(key, out var known) && known.State != PromAlertState.Inactive
                ? known with { Value = alert.Value, Annotations = alert.Annotations }
                : alert;
        }

        var kept = new List<PromAlert>();
        var activeOrPending = 0;
        foreach (var alert in active.Values)
        {
            var next = alert;
            if (!fresh.ContainsKey(alert.Key))
            {
                var keepFiring = false;
                if (next.State == PromAlertState.Firing && rule.KeepFiringFor > TimeSpan.Zero)
                {
                    next = next with { KeepFiringSince = next.KeepFiringSince ?? ts };
                    keepFiring = ts - next.KeepFiringSince < rule.KeepFiringFor;
                }

                if (next.State == PromAlertState.Pending || (next.ResolvedAt is { } resolved && ts - resolved > ResolvedRetention)) continue;
                if (!keepFiring)
                {
                    if (next.State != PromAlertState.Inactive) next = next with { State = PromAlertState.Inactive, ResolvedAt = ts };
                    kept.Add(next);
                    continue;
                }
            }
            else
            {
                next = next with { KeepFiringSince = null };
            }

            activeOrPending++;
            if (next.State == PromAlertState.Pending && ts - next.ActiveAt >= rule.For) next = next with { State = PromAlertState.Firing, FiredAt = ts };
            kept.Add(next);
        }

        if (context.Limit > 0 && activeOrPending > context.Limit)
        {
            return new AlertingRuleState([], Failed($"exceeded limit of {context.Limit} with {activeOrPending} alerts", ts, evaluationSeconds));
        }

        return new AlertingRuleState(kept.OrderBy(a => a.Key, StringComparer.Ordinal).ToList(), new PromRuleHealth(PromRuleHealth.Ok, null, ts, evaluationSeconds));
    }

    /// <summary>The group's labels under the rule's: a rule label of the same name wins.</summary>
    public static IReadOnlyDictionary<string, string> MergedLabels(IReadOnlyDictionary<string, string> group, IReadOnlyDictionary<string, string> rule)
    {
        var merged = new Dictionary<string, string>(group, StringComparer.Ordinal);
        foreach (var (name, value) in rule) merged[name] = value;
        return merged;
    }

    private static PromRuleHealth Failed(string error, DateTimeOffset ts, double seconds) => new(PromRuleHealth.Err, error, ts, seconds);
}
