using AirisEpm.AlertService.Domain.Labels;
using AirisEpm.AlertService.Domain.Templates;

namespace AirisEpm.AlertService.Domain.Rules;

/// <summary>A rule's annotation templates expanded for one alert (its labels and value).</summary>
public static class RuleAnnotations
{
    public static IEnumerable<KeyValuePair<string, string>> Expand(RuleDefinition rule, LabelSet labels, double? value)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var data = new TemplateData(labels, null, value);
        return (rule.Annotations ?? new Dictionary<string, AlertTemplate>())
            .Select(kv => KeyValuePair.Create(kv.Key, Expand(kv.Value, data)));
    }

    private static string Expand(AlertTemplate template, TemplateData data)
    {
        try
        {
            return template.Render(data);
        }
        catch (TemplateException ex)
        {
            // Prometheus's convention: the alert still goes out, the annotation says what failed.
            return $"<error expanding template: {ex.Reason}>";
        }
    }
}
