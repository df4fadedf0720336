using AirisEpm.PromQl.Model;

namespace AirisEpm.AlertService.Domain.Alerts;

/// <summary>API v2 <c>alertStatus.state</c>.</summary>
public enum AlertStatusState
{
    Unprocessed,
    Active,
    Suppressed,
}

/// <summary>
/// API v2 status of an alert at an instant: suppressed when silenced or inhibited, with the
/// silence ids and inhibiting alert fingerprints, plus the receivers its routes name.
/// </summary>
public sealed record AlertStatus(
    AlertStatusState State,
    IReadOnlyList<string> SilencedBy,
    IReadOnlyList<Fingerprint> InhibitedBy,
    IReadOnlyList<string> Receivers);
