using AirisEpm.AlertService.Escalation;

namespace AirisEpm.AlertService.Incidents;

/// <summary>
/// An incident's life as pure state: triggered by a firing alert group, escalated step by step
/// until acknowledged or resolved. Every transition returns a new value and appends to the timeline.
/// The actor that hosts it persists it and turns <see cref="NextStepAt"/> into a reminder.
/// </summary>
public sealed record Incident
{
    public required string Id { get; init; }
    public required string GroupKey { get; init; }
    public required string Title { get; init; }
    public required string PolicyName { get; init; }
    public IncidentStatus Status { get; init; } = IncidentStatus.Triggered;
    public DateTimeOffset TriggeredAt { get; init; }

    /// <summary>Index of the next step to notify across rounds (round * steps + step).</summary>
    public int NextStep { get; init; }

    /// <summary>When <see cref="NextStep"/> is due; null once the ladder is exhausted or escalation stopped.</summary>
    public DateTimeOffset? NextStepAt { get; init; }

    public IReadOnlyList<string> Services { get; init; } = [];
    public string? RootCause { get; init; }
    public IReadOnlyList<TimelineEntry> Timeline { get; init; } = [];

    public static Incident Trigger(string id, string groupKey, string title, EscalationPolicy policy, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var incident = new Incident
        {
            Id = id,
            GroupKey = groupKey,
            Title = title,
            PolicyName = policy.Name,
            TriggeredAt = now,
            Timeline = [new TimelineEntry(now, "triggered", title)],
        };
        return incident with { NextStepAt = incident.DueTime(policy, 0) };
    }

    /// <summary>
    /// Takes the next step: returns its receivers and schedules the one after. Called when the
    /// reminder for <see cref="NextStepAt"/> fires; the reminder's firing is what makes it due.
    /// </summary>
    public (Incident Incident, IReadOnlyList<string> Receivers) Escalate(EscalationPolicy policy, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(policy);
        if (Status != IncidentStatus.Triggered || NextStepAt is null || policy.Steps.Count == 0)
        {
            return (this, []);
        }

        var step = policy.Steps[NextStep % policy.Steps.Count];
        var next = NextStep + 1;
        var updated = this with
        {
            NextStep = next,
            NextStepAt = DueTime(policy, next),
            Timeline = [.. Timeline, new TimelineEntry(now, "escalated", $"step {NextStep + 1}: notify {string.Join(", ", step.Receivers)}")],
        };
        return (updated, step.Receivers);
    }

    public Incident Acknowledge(string by, DateTimeOffset now) => Status != IncidentStatus.Triggered
        ? this
        : this with
        {
            Status = IncidentStatus.Acknowledged,
            NextStepAt = null,
            Timeline = [.. Timeline, new TimelineEntry(now, "acknowledged", $"by {by}")],
        };

    public Incident Resolve(string by, DateTimeOffset now) => Status == IncidentStatus.Resolved
        ? this
        : this with
        {
            Status = IncidentStatus.Resolved,
            NextStepAt = null,
            Timeline = [.. Timeline, new TimelineEntry(now, "resolved", by)],
        };

    public Incident Note(string kind, string detail, DateTimeOffset now) =>
        this with { Timeline = [.. Timeline, new TimelineEntry(now, kind, detail)] };

    /// <summary>When step <paramref name="index"/> (counted across rounds) is due, or null past the last round.</summary>
    private DateTimeOffset? DueTime(EscalationPolicy policy, int index)
    {
        var steps = policy.Steps.Count;
        if (steps == 0 || index >= steps * (policy.Repeat + 1))
        {
            return null;
        }

        var round = index / steps;
        var roundLength = policy.Steps[^1].After;
        return TriggeredAt + (roundLength * round) + policy.Steps[index % steps].After;
    }
}
