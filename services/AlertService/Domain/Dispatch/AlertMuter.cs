using AirisEpm.AlertService.Domain.Alerts;
using AirisEpm.AlertService.Domain.Inhibition;
using AirisEpm.AlertService.Domain.Silences;

namespace AirisEpm.AlertService.Domain.Dispatch;

/// <summary>Alertmanager's mute stage: inhibited or silenced alerts are not notified.</summary>
public sealed class AlertMuter(SilenceStore silences, Inhibitor inhibitor) : IAlertMuter
{
    /// <summary>A muter that mutes nothing (no silences, no inhibit rules).</summary>
    public static IAlertMuter None { get; } = new NoMuter();

    public bool IsMuted(Alert alert, DateTimeOffset now) =>
        inhibitor.IsInhibited(alert.Labels) || silences.SilencedBy(alert.Labels, now).Count > 0;

    private sealed class NoMuter : IAlertMuter
    {
        public bool IsMuted(Alert alert, DateTimeOffset now) => false;
    }
}
