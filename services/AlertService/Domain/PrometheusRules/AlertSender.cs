namespace AirisEpm.AlertService.Domain.PrometheusRules;

/// <summary>
/// Which alerts an evaluation sends, as Prometheus's <c>sendAlerts</c>: never pending ones; a firing alert when it
/// was not sent within <c>resend_delay</c> (1 m by default); a resolved one once right after it resolved and then
/// again each resend delay while it is kept. Each sent alert is valid for 4 × max(resend delay, group interval), so
/// one that stops being sent ends by itself. Sent alerts carry startsAt = firedAt and endsAt = resolvedAt, else validUntil.
/// </summary>
public static class AlertSender
{
    public static readonly TimeSpan DefaultResendDelay = TimeSpan.FromMinutes(1);

    public static (AlertingRuleState State, IReadOnlyList<PromAlert> Sent) Due(AlertingRuleState state, DateTimeOffset ts, TimeSpan resendDelay, TimeSpan interval)
    {
        ArgumentNullException.ThrowIfNull(state);
        var sent = new List<PromAlert>();
        var alerts = state.Alerts.Select(alert =>
        {
            if (!NeedsSending(alert, ts, resendDelay)) return alert;
            var delta = interval > resendDelay ? interval : resendDelay;
            var updated = alert with { LastSentAt = ts, ValidUntil = ts + (4 * delta) };
            sent.Add(updated);
            return updated;
        }).ToList();
        return (state with { Alerts = alerts }, sent);
    }

    private static bool NeedsSending(PromAlert alert, DateTimeOffset ts, TimeSpan resendDelay)
    {
        if (alert.State == PromAlertState.Pending) return false;
        if (alert.ResolvedAt is { } resolved && (alert.LastSentAt is not { } last || resolved > last)) return true;
        return alert.LastSentAt is not { } sentAt || sentAt + resendDelay < ts;
    }
}
