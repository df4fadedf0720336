using AirisEpm.PromQl.Model;

namespace AirisEpm.AlertService.Domain.Alerts;

/// <summary>
/// An alert as Alertmanager holds it after ingestion. <see cref="EndsAt"/> is always set:
/// when the client sent none it is <c>updatedAt + resolve_timeout</c> and <see cref="Timeout"/>
/// is true, so an alert nobody re-sends resolves by itself.
/// </summary>
public sealed record Alert(
    LabelSet Labels,
    LabelSet Annotations,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    DateTimeOffset UpdatedAt,
    string? GeneratorUrl = null,
    bool Timeout = false)
{
    public Fingerprint Fingerprint => Labels.Fingerprint;

    public string Name => Labels.Get("alertname");

    /// <summary>Resolved when its end time is not after <paramref name="now"/>.</summary>
    public bool IsResolvedAt(DateTimeOffset now) => EndsAt <= now;

    public AlertState StateAt(DateTimeOffset now) => IsResolvedAt(now) ? AlertState.Resolved : AlertState.Firing;

    /// <summary>
    /// Alertmanager's merge of two versions of the same alert: the newer (by UpdatedAt) wins,
    /// the earliest start is kept, and an older explicit end time that is later survives
    /// (a timeout-derived end never overrides).
    /// </summary>
    public Alert Merge(Alert other, DateTimeOffset now)
    {
        if (other.UpdatedAt < UpdatedAt) return other.Merge(this, now);
        var result = other;
        if (StartsAt < other.StartsAt) result = result with { StartsAt = StartsAt };
        if (other.IsResolvedAt(now))
        {
            if (IsResolvedAt(now) && EndsAt > other.EndsAt) result = result with { EndsAt = EndsAt };
        }
        else if (EndsAt > other.EndsAt && !Timeout)
        {
            result = result with { EndsAt = EndsAt };
        }
        return result;
    }
}
