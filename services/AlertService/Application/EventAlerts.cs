using System.Globalization;
using AirisEpm.AlertService.Domain.Alerts;
using AirisEpm.PromQl.Model;
using AirisEpm.AlertService.Domain.Rules;
using AirisEpm.ServiceDefaults.Events.Contracts;

namespace AirisEpm.AlertService.Application;

/// <summary>
/// Turns the integration events of metrics-, log- and trace-service into alerts. Each returns
/// null for an event that can never become a valid alert (missing fields, unknown kind).
/// </summary>
public static class EventAlerts
{
    public const string DefaultSeverity = "warning";

    /// <summary>
    /// Threshold crossings are transitions only (no re-send while firing), so a firing alert may not
    /// end by the resolve timeout: it lasts until its resolved event, bounded by <paramref name="horizon"/>
    /// in case that event never comes. Resolved: the same labels with endsAt = the event time.
    /// With the stored <paramref name="rule"/> the alert is the rule's, as Prometheus builds it: the
    /// series labels, then the rule's labels, alertname and severity over them, and the rule's
    /// annotation templates expanded with those labels and the crossing value. Without it (a rule
    /// published by hand, or deleted since) the rule id names the alert.
    /// </summary>
    public static PostedAlert? From(ThresholdCrossed e, TimeSpan horizon, RuleDefinition? rule = null)
    {
        if (e is null || string.IsNullOrWhiteSpace(e.RuleId) || e.SeriesLabels is null) return null;
        if (e.State is not (ThresholdCrossed.Firing or ThresholdCrossed.Resolved)) return null;
        var labels = rule is null
            ? LabelSet.From(e.SeriesLabels.Prepend(KeyValuePair.Create("severity", DefaultSeverity)).Append(KeyValuePair.Create("alertname", e.RuleId)))
            : LabelSet.From(e.SeriesLabels.Select(l => new Label(l.Key, l.Value)).Concat(rule.AlertLabels.Labels));
        var defaults = LabelSet.From(
            ("metric", e.MetricName ?? ""),
            ("value", Number(e.Value)),
            ("threshold", Number(e.Threshold)),
            ("summary", $"{e.MetricName} is {Number(e.Value)} (threshold {Number(e.Threshold)})"));
        var annotations = rule is null ? defaults : LabelSet.From(defaults.ToDictionary().Concat(RuleAnnotations.Expand(rule, labels, e.Value, e.At)));
        var alert = e.State == ThresholdCrossed.Firing
            ? new PostedAlert(labels, annotations, e.At, e.At + horizon)
            : new PostedAlert(labels, annotations, EndsAt: e.At);
        return alert.Validate().Count == 0 ? alert : null;
    }

    /// <summary>Anomalies are point facts: the alert ends by the resolve timeout unless detected again.</summary>
    public static PostedAlert? From(LogsAnomalyDetected e)
    {
        if (e is null || string.IsNullOrWhiteSpace(e.Service) || string.IsNullOrWhiteSpace(e.PatternId)) return null;
        var alert = new PostedAlert(
            LabelSet.From(("alertname", "LogPatternAnomaly"), ("kind", e.Kind), ("service", e.Service), ("pattern_id", e.PatternId), ("severity", DefaultSeverity)),
            LabelSet.From(
                ("summary", e.Kind switch
                {
                    LogsAnomalyDetected.NewPattern => $"New log pattern in {e.Service}, seen {e.Count} times",
                    LogsAnomalyDetected.ErrorRateSpike => $"Error lines of {e.Service} at {Number(100 * (e.ObservedRate ?? 0))} % (usually {Number(100 * e.Baseline)} %)",
                    _ => $"Log pattern seen {e.Count} times in {e.Service} (baseline {Number(e.Baseline)})",
                }),
                ("samples", string.Join("\n", e.Samples)),
                ("template", e.Template ?? ""),
                ("count", e.Count.ToString(CultureInfo.InvariantCulture)),
                ("baseline", Number(e.Baseline)),
                ("window", $"{e.WindowStart:O}/{e.WindowEnd:O}")),
            StartsAt: e.WindowStart);
        return alert.Validate().Count == 0 ? alert : null;
    }

    public static PostedAlert? From(TracesAnomalyDetected e)
    {
        if (e is null || string.IsNullOrWhiteSpace(e.Service) || string.IsNullOrWhiteSpace(e.Operation)) return null;
        var (name, unit) = e.Kind switch
        {
            TracesAnomalyDetected.Latency => ("TraceLatencyAnomaly", " ms p95"),
            TracesAnomalyDetected.ErrorRate => ("TraceErrorRateAnomaly", " error rate"),
            _ => (null, null),
        };
        if (name is null) return null;
        // An edge's anomaly (from → to) is the callee's: service is the dependency that slowed or failed, caller the edge's other end.
        var labels = e.From is { Length: > 0 } caller
            ? LabelSet.From(("alertname", name), ("service", e.Service), ("operation", e.Operation), ("caller", caller), ("severity", DefaultSeverity))
            : LabelSet.From(("alertname", name), ("service", e.Service), ("operation", e.Operation), ("severity", DefaultSeverity));
        var alert = new PostedAlert(
            labels,
            LabelSet.From(
                ("summary", $"{(e.From is { Length: > 0 } ? $"calls {e.Operation}" : $"{e.Service} {e.Operation}")}: {Number(e.Value)}{unit} (baseline {Number(e.Baseline)})"),
                ("value", Number(e.Value)),
                ("baseline", Number(e.Baseline)),
                ("window", e.WindowStart is { } start && e.WindowEnd is { } end ? $"{start:O}/{end:O}" : ""),
                ("exemplar_trace_ids", string.Join(",", e.ExemplarTraceIds ?? []))),
            StartsAt: e.At);
        return alert.Validate().Count == 0 ? alert : null;
    }

    private static string Number(double value) => value.ToString("G6", CultureInfo.InvariantCulture);
}
