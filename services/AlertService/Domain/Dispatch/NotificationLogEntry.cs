using AirisEpm.PromQl.Model;

namespace AirisEpm.AlertService.Domain.Dispatch;

/// <summary>What a group last told its receiver (Alertmanager's nflog entry): used to dedupe.</summary>
public sealed record NotificationLogEntry(IReadOnlySet<Fingerprint> Firing, IReadOnlySet<Fingerprint> Resolved, DateTimeOffset At)
{
    /// <summary>
    /// Alertmanager's <c>needsUpdate</c>: notify on the first firing alert, on any newly firing
    /// alert, when everything resolved after something was notified firing, on newly resolved
    /// alerts when the receiver wants them, and otherwise only once <paramref name="repeat"/> passed.
    /// </summary>
    public static bool NeedsUpdate(NotificationLogEntry? last, HashSet<Fingerprint> firing, HashSet<Fingerprint> resolved, bool sendResolved, TimeSpan repeat, DateTimeOffset now)
    {
        if (last is null) return firing.Count > 0;
        if (!firing.IsSubsetOf(last.Firing)) return true;
        if (firing.Count == 0) return last.Firing.Count > 0;
        if (sendResolved && !resolved.IsSubsetOf(last.Resolved)) return true;
        return last.At < now - repeat;
    }
}
