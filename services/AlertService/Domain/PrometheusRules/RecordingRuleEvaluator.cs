namespace AirisEpm.AlertService.Domain.PrometheusRules;

/// <summary>
/// One evaluation of a recording rule, as Prometheus's <c>RecordingRule.Eval</c>: every output series renamed to the
/// rule's name with the group's and rule's labels set (not templated); two equal label sets after that, or more series
/// than the group's limit, are an error and nothing is written.
/// </summary>
public static class RecordingRuleEvaluator
{
    public static (IReadOnlyList<PromSample> Series, PromRuleHealth Health) Evaluate(
        PromRecordingRule rule, PromQueryAnswer answer, RuleEvaluationContext context, double evaluationSeconds = 0)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(answer);
        ArgumentNullException.ThrowIfNull(context);
        var ts = context.Timestamp;
        if (answer.Samples is not { } samples) return ([], Failed(answer.Error ?? "query failed", ts, evaluationSeconds));
        var labels = AlertingRuleEvaluator.MergedLabels(context.GroupLabels, rule.Labels);
        var series = new List<PromSample>();
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var sample in samples)
        {
            var renamed = new Dictionary<string, string>(sample.Labels, StringComparer.Ordinal) { ["__name__"] = rule.Name };
            foreach (var (name, value) in labels)
            {
                if (value.Length == 0) renamed.Remove(name);
                else renamed[name] = value;
            }

            if (!keys.Add(PromAlert.LabelKey(renamed)))
            {
                return ([], Failed("vector contains metrics with the same labelset after applying rule labels", ts, evaluationSeconds));
            }

            series.Add(new PromSample(renamed, sample.Value));
        }

        if (context.Limit > 0 && series.Count > context.Limit)
        {
            return ([], Failed($"exceeded limit of {context.Limit} with {series.Count} series", ts, evaluationSeconds));
        }

        return (series, new PromRuleHealth(PromRuleHealth.Ok, null, ts, evaluationSeconds));
    }

    private static PromRuleHealth Failed(string error, DateTimeOffset ts, double seconds) => new(PromRuleHealth.Err, error, ts, seconds);
}
