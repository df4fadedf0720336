using AirisEpm.AlertService.Notifications;

namespace AirisEpm.AlertService.Incidents;

/// <summary>An alert group handed to an incident: its key, its <see cref="IncidentGroup.NameOf">name</see> and its latest notification.</summary>
public sealed record IncidentMember(string GroupKey, string Name, WebhookPayload Payload);
