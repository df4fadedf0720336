namespace AirisEpm.AlertService.Domain.Correlation;

/// <summary>
/// What a firing group's notification does to incidents. With <see cref="Joins"/> null it opens a new incident for
/// <see cref="Groups"/> (the notified group first) and pages; otherwise the group joins that incident (or, when
/// <see cref="AlreadyMember"/>, is refreshed in it) and nobody is paged. <see cref="Correlation"/> is the correlated
/// component the decision read: its services and suggested root cause describe the incident (null without alerts).
/// <see cref="Waiting"/> are the correlated groups a new incident names at once though they are still in their group_wait.
/// </summary>
public sealed record IncidentDecision(OpenIncident? Joins, bool AlreadyMember, IReadOnlyList<string> Groups, CorrelatedIncident? Correlation)
{
    public IReadOnlyList<string> Waiting { get; init; } = [];

    public bool Opens => Joins is null;
}
