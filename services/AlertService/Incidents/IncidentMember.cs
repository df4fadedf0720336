using AirisEpm.AlertService.Notifications;

namespace AirisEpm.AlertService.Incidents;

/// <summary>
/// An alert group handed to an incident: its key, its <see cref="IncidentGroup.NameOf">name</see> and its latest
/// notification (for a group still in its group_wait, <see cref="Waiting"/>, the one its flush would build now).
/// </summary>
public sealed record IncidentMember(string GroupKey, string Name, WebhookPayload Payload, bool Waiting = false)
{
    public IncidentGroup ToGroup(DateTimeOffset now) => new(GroupKey, Name, now, Waiting: Waiting);
}
