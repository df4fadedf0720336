using AirisEpm.AlertService.Notifications;

namespace AirisEpm.AlertService.Incidents;

/// <summary>A firing alert group handed to its incident actor, with what correlation found.</summary>
public sealed record IncidentTrigger(
    string GroupKey,
    string PolicyName,
    WebhookPayload Payload,
    IReadOnlyList<string> Services,
    string? RootCause);
