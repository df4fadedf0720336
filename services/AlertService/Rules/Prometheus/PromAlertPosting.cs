using AirisEpm.AlertService.Domain.Alerts;
using AirisEpm.PromQl.Model;
using AirisEpm.AlertService.Domain.PrometheusRules;

namespace AirisEpm.AlertService.Rules.Prometheus;

/// <summary>
/// A sent rule alert as Prometheus's notifier posts it to Alertmanager: the external labels added where the alert
/// lacks them, startsAt = firedAt, endsAt = resolvedAt (else validUntil), and a generatorURL opening the rule's
/// expression in the table view.
/// </summary>
public static class PromAlertPosting
{
    public static PostedAlert ToPosted(PromAlert alert, string expr, IReadOnlyDictionary<string, string> externalLabels, string externalUrl)
    {
        ArgumentNullException.ThrowIfNull(alert);
        ArgumentNullException.ThrowIfNull(externalLabels);
        var labels = externalLabels.Where(l => !alert.Labels.ContainsKey(l.Key)).Concat(alert.Labels);
        return new PostedAlert(
            LabelSet.From(labels),
            LabelSet.From(alert.Annotations),
            alert.FiredAt ?? alert.ActiveAt,
            alert.ResolvedAt ?? alert.ValidUntil,
            externalUrl.TrimEnd('/') + "/graph?g0.expr=" + Uri.EscapeDataString(expr).Replace("%20", "+", StringComparison.Ordinal) + "&g0.tab=1");
    }
}
