using Dapr.Actors.Client;

namespace AirisEpm.AlertService.Incidents;

/// <summary>Proxy settings matching the actor registration (JSON, not DataContract, serialization).</summary>
public static class IncidentActorProxy
{
    public static readonly ActorProxyOptions Options = new() { UseJsonSerialization = true };

    public static IIncidentActor For(IActorProxyFactory actors, string groupKey) =>
        actors.CreateActorProxy<IIncidentActor>(new Dapr.Actors.ActorId(IncidentIds.ActorIdFor(groupKey)), nameof(IncidentActor), Options);
}
