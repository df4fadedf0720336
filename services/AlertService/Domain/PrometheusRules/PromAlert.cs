namespace AirisEpm.AlertService.Domain.PrometheusRules;

/// <summary>Prometheus's alert states; <see cref="Inactive"/> is a resolved alert kept for its resolved notifications.</summary>
public enum PromAlertState
{
    Inactive,
    Pending,
    Firing,
}

/// <summary>
/// One alert of an alerting rule (one output series), as Prometheus's <c>rules.Alert</c>: labels (series labels
/// without <c>__name__</c>, plus the rule's expanded labels and <c>alertname</c>), expanded annotations, state and its
/// times. <see cref="Key"/> identifies it across evaluations.
/// </summary>
public sealed record PromAlert(
    IReadOnlyDictionary<string, string> Labels,
    IReadOnlyDictionary<string, string> Annotations,
    PromAlertState State,
    double Value,
    DateTimeOffset ActiveAt,
    DateTimeOffset? FiredAt = null,
    DateTimeOffset? ResolvedAt = null,
    DateTimeOffset? LastSentAt = null,
    DateTimeOffset? ValidUntil = null,
    DateTimeOffset? KeepFiringSince = null)
{
    public string Key => LabelKey(Labels);

    /// <summary>A canonical text of a label set (sorted, NUL-separated), equal for equal sets.</summary>
    public static string LabelKey(IReadOnlyDictionary<string, string> labels) =>
        string.Join('\u0001', labels.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => l.Key + "\u0000" + l.Value));
}
