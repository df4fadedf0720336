using AirisEpm.AlertService.Application;
using Dapr.Actors.Client;

namespace AirisEpm.AlertService.Incidents;

/// <summary>Proxies to incident actors, by the group key they handle or by actor id.</summary>
public static class IncidentActorProxy
{
    public static IIncidentActor For(IActorProxyFactory actors, string groupKey) =>
        ForActorId(actors, IncidentIds.ActorIdFor(groupKey));

    public static IIncidentActor ForActorId(IActorProxyFactory actors, string actorId) =>
        JsonActorProxy.Create<IIncidentActor>(actors, actorId, nameof(IncidentActor));
}
