using AirisEpm.AlertService.Domain.Alerts;
using AirisEpm.PromQl.Model;

namespace AirisEpm.AlertService.Application;

/// <summary>An alert with what the engine knows about it at an instant (API v2 <c>gettableAlert</c> before JSON).</summary>
public sealed record AlertView(
    Alert Alert,
    IReadOnlyList<string> Receivers,
    IReadOnlyList<string> SilencedBy,
    IReadOnlyList<Fingerprint> InhibitedBy)
{
    public const string Active = "active";
    public const string Suppressed = "suppressed";
    public const string Unprocessed = "unprocessed";

    /// <summary>
    /// Alertmanager computes mutes when the alert is read, so an alert is never seen
    /// <c>unprocessed</c> through this API; it is suppressed while silenced or inhibited.
    /// </summary>
    public string State => SilencedBy.Count > 0 || InhibitedBy.Count > 0 ? Suppressed : Active;
}

/// <summary>An aggregation group as API v2 <c>alertGroup</c> shows it.</summary>
public sealed record AlertGroupView(LabelSet Labels, string Receiver, IReadOnlyList<AlertView> Alerts);
