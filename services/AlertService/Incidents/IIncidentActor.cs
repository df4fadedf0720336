using Dapr.Actors;

namespace AirisEpm.AlertService.Incidents;

/// <summary>
/// One actor per alert group (actor id = <see cref="IncidentIds.ActorIdFor"/> of the group key). It holds the
/// incident that group opened, escalates it with reminders, and keeps it until resolved; correlated groups join it
/// there. Methods take one argument: the actor is called with JSON serialization.
/// </summary>
public interface IIncidentActor : IActor
{
    /// <summary>Opens an incident for a firing group and the correlated groups with it; if one is open, they join it.</summary>
    Task<Incident> TriggerAsync(IncidentTrigger trigger);

    /// <summary>Adds a correlated group to the open incident, or refreshes it there; pages nobody. Null when no incident is open.</summary>
    Task<Incident?> JoinAsync(IncidentJoin join);

    /// <summary>One of the incident's groups resolved; the incident resolves with the last of them.</summary>
    Task<Incident?> ResolveGroupAsync(GroupResolution resolution);

    Task<Incident?> GetAsync();

    Task<Incident?> AcknowledgeAsync(string by);

    Task<Incident?> ResolveAsync(string by);
}
