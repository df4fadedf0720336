using Dapr.Actors;

namespace AirisEpm.AlertService.Incidents;

/// <summary>
/// One actor per alert group (actor id = <see cref="IncidentIds.ActorIdFor"/> of the group key). It
/// holds the group's open incident, escalates it with reminders, and keeps it until resolved.
/// Methods take one argument: the actor is called with JSON serialization.
/// </summary>
public interface IIncidentActor : IActor
{
    /// <summary>Opens an incident for a firing group, or refreshes the open one with the latest alerts.</summary>
    Task<Incident> TriggerAsync(IncidentTrigger trigger);

    Task<Incident?> GetAsync();

    Task<Incident?> AcknowledgeAsync(string by);

    Task<Incident?> ResolveAsync(string by);
}
