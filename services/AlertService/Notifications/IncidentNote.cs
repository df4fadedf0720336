using System.Text.Json.Serialization;

namespace AirisEpm.AlertService.Notifications;

/// <summary>
/// What an incident's page says beside its alerts: the incident, every alert group it stands for (in the order they
/// joined, "(resolved)" after those whose alerts resolved), the failing services and the suggested root cause.
/// </summary>
public sealed record IncidentNote(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("groups")] IReadOnlyList<string> Groups,
    [property: JsonPropertyName("services")] IReadOnlyList<string> Services,
    [property: JsonPropertyName("rootCause")] string? RootCause);
