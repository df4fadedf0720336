using AirisEpm.AlertService.Escalation;
using AirisEpm.AlertService.Incidents;

namespace AirisEpm.AlertService.Tests.Escalation;

public sealed class IncidentTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 26, 3, 0, 0, TimeSpan.Zero);

    private static readonly EscalationPolicy Policy = new("platform", [
        new EscalationStep(TimeSpan.Zero, ["oncall-primary"]),
        new EscalationStep(TimeSpan.FromMinutes(15), ["oncall-secondary", "team-lead"]),
    ]);

    private static Incident Triggered(EscalationPolicy? policy = null) =>
        Incident.Trigger("inc-1", [new IncidentGroup("group-a", "HighErrorRate", T0)], "[FIRING:1] HighErrorRate", policy ?? Policy, T0);

    [Fact]
    public void First_step_is_due_at_once_then_the_second_after_its_delay()
    {
        var incident = Triggered();
        Assert.Equal(T0, incident.NextStepAt);

        var (afterFirst, first) = incident.Escalate(Policy, T0);
        Assert.Equal(["oncall-primary"], first);
        Assert.Equal(T0.AddMinutes(15), afterFirst.NextStepAt);

        var (afterSecond, second) = afterFirst.Escalate(Policy, T0.AddMinutes(15));
        Assert.Equal(["oncall-secondary", "team-lead"], second);
        Assert.Null(afterSecond.NextStepAt);

        var (_, none) = afterSecond.Escalate(Policy, T0.AddHours(1));
        Assert.Empty(none);
    }

    [Fact]
    public void Repeat_runs_the_ladder_again_keeping_its_gaps_across_rounds()
    {
        var policy = Policy with { Repeat = 1 };
        var incident = Triggered(policy);
        incident = incident.Escalate(policy, T0).Incident;
        incident = incident.Escalate(policy, T0.AddMinutes(15)).Incident;

        // Round two's first step comes one gap (15m) after round one's last, not with it.
        Assert.Equal(T0.AddMinutes(30), incident.NextStepAt);
        var (third, receivers) = incident.Escalate(policy, T0.AddMinutes(30));
        Assert.Equal(["oncall-primary"], receivers);
        Assert.Equal(T0.AddMinutes(45), third.NextStepAt);
        Assert.Null(third.Escalate(policy, T0.AddMinutes(45)).Incident.NextStepAt);
    }

    [Theory]
    [InlineData(new[] { 0, 5, 15 }, 25)]
    [InlineData(new[] { 2, 10 }, 16)]
    [InlineData(new[] { 5 }, 5)]
    [InlineData(new[] { 5, 5 }, 5)]
    [InlineData(new[] { 0, 10, 10 }, 20)]
    public void A_round_lasts_its_span_plus_its_last_gap(int[] afterMinutes, int roundMinutes)
    {
        var policy = new EscalationPolicy("p", [.. afterMinutes.Select(m => new EscalationStep(TimeSpan.FromMinutes(m), ["r"]))], Repeat: 2);
        Assert.Equal(TimeSpan.FromMinutes(roundMinutes), Incident.RoundLength(policy));
    }

    [Fact]
    public void A_failed_step_is_retried_with_back_off_and_the_ladder_waits_for_it()
    {
        var (incident, _) = Triggered().Escalate(Policy, T0);
        incident = incident.Delivered(["oncall-primary/slack[0]"], "500", T0);
        Assert.Equal(T0.AddSeconds(30), incident.WakeAt);
        Assert.Equal(T0.AddMinutes(15), incident.NextStepAt);

        incident = incident.Delivered(["oncall-primary/slack[0]"], "500", T0.AddSeconds(30));
        Assert.Equal(T0.AddSeconds(90), incident.WakeAt); // 1 min after the second attempt
        incident = incident.Delivered([], null, T0.AddSeconds(90));

        Assert.Empty(incident.RetryTargets);
        Assert.Equal(T0.AddMinutes(15), incident.WakeAt);
        Assert.Contains(incident.Timeline, t => t.Kind == "retry-delivered" && t.Detail.Contains("attempt 3"));
    }

    [Fact]
    public void A_step_that_keeps_failing_is_given_up_after_the_last_attempt_and_the_ladder_moves_on()
    {
        var (incident, _) = Triggered().Escalate(Policy, T0);
        var at = T0;
        for (var attempt = 1; attempt < EscalationRetry.MaxAttempts; attempt++)
        {
            incident = incident.Delivered(["oncall-primary/email[0]"], "smtp down", at);
            at = incident.WakeAt!.Value;
        }

        Assert.Equal(T0.AddSeconds(30 + 60 + 120 + 240 + 300), at); // 30 s doubling, capped at 5 min
        incident = incident.Delivered(["oncall-primary/email[0]"], "smtp down", at);
        Assert.Empty(incident.RetryTargets);
        Assert.Equal(T0.AddMinutes(15), incident.WakeAt);
        Assert.Contains(incident.Timeline, t => t.Detail.Contains($"gave up after {EscalationRetry.MaxAttempts} attempts"));
    }

    [Fact]
    public void Acknowledging_stops_escalation()
    {
        var incident = Triggered().Escalate(Policy, T0).Incident.Acknowledge("alice", T0.AddMinutes(2));

        Assert.Equal(IncidentStatus.Acknowledged, incident.Status);
        Assert.Null(incident.NextStepAt);
        Assert.Empty(incident.Escalate(Policy, T0.AddMinutes(15)).Receivers);
        Assert.Equal(["triggered", "escalated", "acknowledged"], incident.Timeline.Select(t => t.Kind));
    }

    [Fact]
    public void Resolving_is_final_and_idempotent()
    {
        var incident = Triggered().Resolve("alerts resolved", T0.AddMinutes(5));
        var again = incident.Resolve("again", T0.AddMinutes(6)).Acknowledge("bob", T0.AddMinutes(7));

        Assert.Equal(IncidentStatus.Resolved, again.Status);
        Assert.Equal(2, again.Timeline.Count);
        Assert.Empty(again.Escalate(Policy, T0.AddMinutes(15)).Receivers);
    }
}
