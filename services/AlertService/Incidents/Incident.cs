using AirisEpm.AlertService.Escalation;

namespace AirisEpm.AlertService.Incidents;

/// <summary>
/// An incident's life as pure state: triggered by a firing alert group (with the groups correlated with it),
/// joined by correlated groups that fire later, escalated step by step until acknowledged or resolved (by hand, or
/// when its last group resolves). Every transition returns a new value and appends to the timeline. The actor that
/// hosts it persists it and turns <see cref="WakeAt"/> into a reminder.
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

    /// <summary>
    /// The integrations (<c>receiver/integration</c>) of the last step that failed and are being retried;
    /// while any are, the ladder waits (<see cref="WakeAt"/> is <see cref="RetryAt"/>).
    /// </summary>
    public IReadOnlyList<string> RetryTargets { get; init; } = [];

    /// <summary>How many retries of <see cref="RetryTargets"/> have been scheduled so far.</summary>
    public int RetryAttempt { get; init; }

    public DateTimeOffset? RetryAt { get; init; }

    /// <summary>When the actor's reminder must fire next: the pending retry, else the next step.</summary>
    public DateTimeOffset? WakeAt => RetryTargets.Count > 0 ? RetryAt : NextStepAt;

    public IReadOnlyList<string> Services { get; init; } = [];
    public string? RootCause { get; init; }
    public IReadOnlyList<TimelineEntry> Timeline { get; init; } = [];

    /// <summary>
    /// The alert groups the incident stands for, in the order they joined (the first opened it). Empty in incidents
    /// stored before groups joined incidents; <see cref="Members"/> then stands in with <see cref="GroupKey"/>.
    /// </summary>
    public IReadOnlyList<IncidentGroup> Groups { get; init; } = [];

    /// <summary>
    /// Opens an incident for <paramref name="groups"/>: the group that fired first, then the correlated groups firing with
    /// it, and the correlated groups still in their group_wait (<see cref="IncidentGroup.Waiting"/>, each named in a
    /// "group-waiting" entry).
    /// </summary>
    public static Incident Trigger(string id, IReadOnlyList<IncidentGroup> groups, string title, EscalationPolicy policy, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(groups);
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentOutOfRangeException.ThrowIfZero(groups.Count);
        if (groups[0].Waiting) throw new ArgumentException("The group opening an incident has notified; it cannot be waiting.", nameof(groups));
        var notified = groups.Where(g => !g.Waiting).ToList();
        var incident = new Incident
        {
            Id = id,
            GroupKey = groups[0].GroupKey,
            Title = title,
            PolicyName = policy.Name,
            TriggeredAt = now,
            Groups = groups,
            Timeline =
            [
                new TimelineEntry(now, "triggered", notified.Count == 1 ? title : $"{title}; alert groups: {string.Join("; ", notified.Select(g => g.Name))}"),
                .. groups.Where(g => g.Waiting).Select(g => WaitingEntry(g, now)),
            ],
        };
        return incident with { NextStepAt = incident.DueTime(policy, 0) };
    }

    /// <summary><see cref="Groups"/>, or for an incident stored before groups joined incidents, its one group.</summary>
    public IReadOnlyList<IncidentGroup> Members() => Groups.Count > 0 ? Groups : [new IncidentGroup(GroupKey, Title, TriggeredAt)];

    /// <summary>
    /// A correlated group joins ("group-joined"; "group-waiting" for one still in its group_wait), or one already here is
    /// refreshed: unchanged while it fires, noted "group-joined" when a waiting group notifies and "group-firing" when its
    /// alerts had resolved and fire again. Nothing else changes, so nobody is paged for it; the incident's later pages
    /// name it. A resolved incident takes no group.
    /// </summary>
    public Incident Join(IncidentGroup group, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(group);
        if (Status == IncidentStatus.Resolved) return this;
        var members = Members();
        var index = IndexOf(members, group.GroupKey);
        if (index < 0)
        {
            var added = this with { Groups = [.. members, group with { Resolved = false }] };
            return group.Waiting ? added with { Timeline = [.. Timeline, WaitingEntry(group, now)] } : added.Note("group-joined", $"group {group.Name} joined", now);
        }

        var member = members[index];
        if (group.Waiting) return this;
        if (member.Waiting)
        {
            return (this with { Groups = Replaced(members, index, member with { Waiting = false, Resolved = false }) }).Note("group-joined", $"group {member.Name} joined", now);
        }

        return member.Resolved
            ? (this with { Groups = Replaced(members, index, member with { Resolved = false }) }).Note("group-firing", $"group {member.Name} fires again", now)
            : this;
    }

    private static TimelineEntry WaitingEntry(IncidentGroup group, DateTimeOffset now) =>
        new(now, "group-waiting", $"group {group.Name} correlated while in its group_wait; it joins when it notifies");

    /// <summary>
    /// Every alert of one of the incident's groups resolved: noted "group-resolved" while other groups still fire; with
    /// the last one the incident resolves, by <paramref name="by"/> (a waiting group, which may resolve without ever
    /// notifying, does not count). A group not in the incident changes nothing.
    /// </summary>
    public Incident ResolveGroup(string groupKey, string by, DateTimeOffset now)
    {
        if (Status == IncidentStatus.Resolved) return this;
        var members = Members();
        var index = IndexOf(members, groupKey);
        if (index < 0 || members[index].Resolved) return this;
        var groups = Replaced(members, index, members[index] with { Resolved = true });
        var firing = groups.Count(g => !g.Resolved && !g.Waiting);
        return firing == 0
            ? (this with { Groups = groups }).Resolve(by, now)
            : (this with { Groups = groups }).Note("group-resolved", $"group {members[index].Name} resolved; {firing} still firing", now);
    }

    private static int IndexOf(IReadOnlyList<IncidentGroup> groups, string groupKey)
    {
        for (var i = 0; i < groups.Count; i++)
        {
            if (groups[i].GroupKey == groupKey) return i;
        }

        return -1;
    }

    private static List<IncidentGroup> Replaced(IReadOnlyList<IncidentGroup> groups, int index, IncidentGroup replacement) =>
        [.. groups.Select((g, i) => i == index ? replacement : g)];

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

    /// <summary>
    /// Records what the step (or retry) just sent reached: <paramref name="failed"/> integrations are retried
    /// with <see cref="EscalationRetry"/> back-off, and the ladder waits for them, until they are delivered
    /// or <see cref="EscalationRetry.MaxAttempts"/> attempts failed (then it moves on, the failure noted).
    /// </summary>
    public Incident Delivered(IReadOnlyCollection<string> failed, string? error, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(failed);
        var attempt = RetryTargets.Count > 0 ? RetryAttempt + 1 : 1;
        if (failed.Count == 0)
        {
            return RetryTargets.Count == 0 ? this : Cleared().Note("retry-delivered", $"{string.Join(", ", RetryTargets)} delivered on attempt {attempt}", now);
        }

        var targets = string.Join(", ", failed.Order(StringComparer.Ordinal));
        if (attempt >= EscalationRetry.MaxAttempts)
        {
            return Cleared().Note("notification-failed", $"{targets}: gave up after {attempt} attempts ({error}); moving on", now);
        }

        var delay = EscalationRetry.Delay(attempt);
        return this with
        {
            RetryTargets = [.. failed.Order(StringComparer.Ordinal)],
            RetryAttempt = attempt,
            RetryAt = now + delay,
            Timeline = [.. Timeline, new TimelineEntry(now, "notification-failed", $"{targets}: attempt {attempt} failed ({error}); retrying in {delay}")],
        };
    }

    private Incident Cleared() => this with { RetryTargets = [], RetryAttempt = 0, RetryAt = null };

    public Incident Acknowledge(string by, DateTimeOffset now) => Status != IncidentStatus.Triggered
        ? this
        : this with
        {
            Status = IncidentStatus.Acknowledged,
            NextStepAt = null,
            RetryTargets = [],
            RetryAt = null,
            Timeline = [.. Timeline, new TimelineEntry(now, "acknowledged", $"by {by}")],
        };

    public Incident Resolve(string by, DateTimeOffset now) => Status == IncidentStatus.Resolved
        ? this
        : this with
        {
            Status = IncidentStatus.Resolved,
            NextStepAt = null,
            RetryTargets = [],
            RetryAt = null,
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

        return TriggeredAt + (RoundLength(policy) * (index / steps)) + policy.Steps[index % steps].After;
    }

    /// <summary>
    /// How long after one round starts the next one does. Each round keeps the step gaps, and the next
    /// round's first step comes one gap after this round's last step: the last non-zero gap between
    /// consecutive steps (the first step's own delay when all steps share one). Steps [0, 5m, 15m] run
    /// at 0, 5m, 15m, then 25m, 30m, 40m: never two steps at one instant across rounds.
    /// <code>
    ///  round 1: 0 ──5m── 5m ──10m── 15m ──10m──► round 2: 25m ──5m── 30m ──10m── 40m
    /// </code>
    /// </summary>
    public static TimeSpan RoundLength(EscalationPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var steps = policy.Steps;
        var wrap = steps[0].After;
        for (var i = steps.Count - 1; i > 0; i--)
        {
            if (steps[i].After > steps[i - 1].After)
            {
                wrap = steps[i].After - steps[i - 1].After;
                break;
            }
        }

        return steps[^1].After - steps[0].After + wrap;
    }
}
