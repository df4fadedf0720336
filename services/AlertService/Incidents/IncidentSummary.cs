using System.Text.Json.Serialization;
using AirisEpm.AlertService.Domain.Correlation;

namespace AirisEpm.AlertService.Incidents;

/// <summary>
/// An incident as GET /api/v1/incidents lists it, with its policy and the keys of the alert groups it stands for
/// (both null in entries written before incidents joined groups: that incident stands for <see cref="GroupKey"/>).
/// </summary>
public sealed record IncidentSummary(
    string Id,
    string GroupKey,
    string Title,
    IncidentStatus Status,
    DateTimeOffset TriggeredAt,
    string? RootCause,
    string? PolicyName = null,
    IReadOnlyList<string>? Groups = null)
{
    /// <summary>The keys of the groups the incident stands for: <see cref="Groups"/>, else its one group.</summary>
    [JsonIgnore]
    public IReadOnlyList<string> MemberKeys => Groups ?? [GroupKey];

    [JsonIgnore]
    public bool IsOpen => Status != IncidentStatus.Resolved;

    public OpenIncident ToOpen() => new(Id, PolicyName, MemberKeys, TriggeredAt);

    public static IncidentSummary Of(Incident incident)
    {
        ArgumentNullException.ThrowIfNull(incident);
        return new(incident.Id, incident.GroupKey, incident.Title, incident.Status, incident.TriggeredAt, incident.RootCause,
            incident.PolicyName, [.. incident.Members().Select(g => g.GroupKey)]);
    }
}
