using AirisEpm.AlertService.Domain.PrometheusRules;

namespace AirisEpm.AlertService.Tests.PrometheusRules;

/// <summary>Which alerts go out when, as Prometheus's <c>sendAlerts</c>/<c>needsSending</c>.</summary>
public sealed class AlertSenderTests
{
    private static readonly DateTimeOffset T0 = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000);
    private static readonly TimeSpan Resend = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(15);

    [Fact]
    public void Pending_alerts_are_never_sent()
    {
        var (_, sent) = AlertSender.Due(State(Alert(PromAlertState.Pending)), T0, Resend, Interval);
        Assert.Empty(sent);
    }

    [Fact]
    public void A_firing_alert_is_sent_then_again_only_after_the_resend_delay_valid_for_four_times_it()
    {
        var (state, sent) = AlertSender.Due(State(Alert(PromAlertState.Firing)), T0, Resend, Interval);
        Assert.Equal((DateTimeOffset?)T0.AddMinutes(4), Assert.Single(sent).ValidUntil);
        Assert.Empty(AlertSender.Due(state, T0.AddSeconds(60), Resend, Interval).Sent);
        Assert.Single(AlertSender.Due(state, T0.AddSeconds(61), Resend, Interval).Sent);
    }

    [Fact]
    public void A_longer_group_interval_sets_the_validity()
    {
        var (_, sent) = AlertSender.Due(State(Alert(PromAlertState.Firing)), T0, Resend, TimeSpan.FromMinutes(5));
        Assert.Equal((DateTimeOffset?)T0.AddMinutes(20), sent[0].ValidUntil);
    }

    [Fact]
    public void A_resolved_alert_is_sent_at_once_then_each_resend_delay()
    {
        var sentBefore = Alert(PromAlertState.Firing) with { LastSentAt = T0 };
        var resolved = sentBefore with { State = PromAlertState.Inactive, ResolvedAt = T0.AddSeconds(15) };
        var (state, sent) = AlertSender.Due(State(resolved), T0.AddSeconds(15), Resend, Interval);
        Assert.Single(sent);
        Assert.Empty(AlertSender.Due(state, T0.AddSeconds(30), Resend, Interval).Sent);
        Assert.Single(AlertSender.Due(state, T0.AddSeconds(76), Resend, Interval).Sent);
    }

    private static PromAlert Alert(PromAlertState state) =>
        new(new Dictionary<string, string> { ["alertname"] = "A" }, new Dictionary<string, string>(), state, 1, T0, FiredAt: state == PromAlertState.Pending ? null : T0);

    private static AlertingRuleState State(PromAlert alert) => new([alert], PromRuleHealth.Initial);
}
