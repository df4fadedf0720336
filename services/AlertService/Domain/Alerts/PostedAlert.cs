using AirisEpm.PromQl.Model;

namespace AirisEpm.AlertService.Domain.Alerts;

/// <summary>An alert as a client posts it (API v2 <c>postableAlert</c>): start and end are optional.</summary>
public sealed record PostedAlert(
    LabelSet Labels,
    LabelSet? Annotations = null,
    DateTimeOffset? StartsAt = null,
    DateTimeOffset? EndsAt = null,
    string? GeneratorUrl = null)
{
    /// <summary>
    /// Validation Alertmanager applies before accepting an alert; returns the reasons, empty when valid.
    /// </summary>
    public IReadOnlyList<string> Validate()
    {
        if (Labels.Count > 0 && AllValid(Labels) && (Annotations is null || AllValid(Annotations)) && !(EndsAt < StartsAt)) return [];
        var errors = new List<string>();
        if (Labels.Count == 0) errors.Add("labels: at least one label pair required");
        errors.AddRange(Labels.Names.Where(n => !LabelNames.IsLegacyLabelName(n)).Select(n => $"labels: invalid label name \"{n}\""));
        if (Annotations is not null)
        {
            errors.AddRange(Annotations.Names.Where(n => !LabelNames.IsLegacyLabelName(n)).Select(n => $"annotations: invalid name \"{n}\""));
        }
        if (StartsAt is { } s && EndsAt is { } e && e < s) errors.Add("endsAt: must not be before startsAt");
        return errors;
    }

    private static bool AllValid(LabelSet labels)
    {
        foreach (var (name, _) in labels.Labels)
        {
            if (!LabelNames.IsLegacyLabelName(name)) return false;
        }
        return true;
    }

    /// <summary>
    /// Fills the gaps as Alertmanager's API does: no start means now (or the end if it is earlier),
    /// no end means <c>now + resolveTimeout</c> with the timeout flag set.
    /// </summary>
    public Alert Normalize(DateTimeOffset now, TimeSpan resolveTimeout)
    {
        var startsAt = StartsAt ?? (EndsAt is { } end && end < now ? end : now);
        return new Alert(
            Labels,
            Annotations ?? LabelSet.Empty,
            startsAt,
            EndsAt ?? now + resolveTimeout,
            now,
            GeneratorUrl,
            Timeout: EndsAt is null);
    }
}
