using System.Text.Json.Serialization;
using AirisEpm.AlertService.Notifications;

namespace AirisEpm.AlertService.Incidents;

/// <summary>
/// A firing alert group handed to its incident actor to open an incident, with the correlated groups that open it
/// with it (<see cref="Members"/>: the group itself first) and what correlation found.
/// </summary>
public sealed record IncidentTrigger(
    string PolicyName,
    IReadOnlyList<IncidentMember> Members,
    IReadOnlyList<string> Services,
    string? RootCause)
{
    [JsonIgnore]
    public string GroupKey => Members[0].GroupKey;

    [JsonIgnore]
    public WebhookPayload Payload => Members[0].Payload;
}
