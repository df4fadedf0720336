using AirisEpm.PromQl.Model;
using AirisEpm.AlertService.Domain.PrometheusRules;

namespace AirisEpm.AlertService.Domain.Rules;

/// <summary>
/// A rule's annotation templates expanded for one alert (its labels and value), as Prometheus expands a rule's: the
/// same <see cref="PromTemplate"/> with <c>$labels</c> and <c>$value</c> (NaN when the rule had no number), an expansion
/// that fails giving the alert an annotation that says why.
/// </summary>
public static class RuleAnnotations
{
    public static IEnumerable<KeyValuePair<string, string>> Expand(RuleDefinition rule, LabelSet labels, double? value, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(labels);
        var data = new PromTemplateData(labels.ToDictionary(), new Dictionary<string, string>(), "", value ?? double.NaN);
        return (rule.Annotations ?? new Dictionary<string, PromTemplate>())
            .Select(kv => KeyValuePair.Create(kv.Key, kv.Value.Expand(data, now, querier: null)));
    }
}
