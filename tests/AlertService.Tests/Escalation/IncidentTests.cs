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
        Incident.Trigger("inc-1", "group-a", "[FIRING:1] HighErrorRate", policy ?? Policy, T0);

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
    public void Repeat_runs_the_ladder_again_one_round_length_later()
    {
        var policy = Policy with { Repeat = 1 };
        var incident = Triggered(policy);
        incident = incident.Escalate(policy, T0).Incident;
        incident = incident.Escalate(policy, T0.AddMinutes(15)).Incident;

        Assert.Equal(T0.AddMinutes(15), incident.NextStepAt);
        var (third, receivers) = incident.Escalate(policy, T0.AddMinutes(15));
        Assert.Equal(["oncall-primary"], receivers);
        Assert.Equal(T0.AddMinutes(30), third.NextStepAt);
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
