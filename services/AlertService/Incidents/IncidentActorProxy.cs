using Dapr.Actors;
using Dapr.Actors.Client;

namespace AirisEpm.AlertService.Incidents;

/// <summary>
/// Proxies to incident actors with JSON serialization (as the actor is registered), keeping the
/// factory's sidecar endpoint and API token: options passed per proxy replace the defaults whole.
/// </summary>
public static class IncidentActorProxy
{
    public static IIncidentActor For(IActorProxyFactory actors, string groupKey) =>
        ForActorId(actors, IncidentIds.ActorIdFor(groupKey));

    public static IIncidentActor ForActorId(IActorProxyFactory actors, string actorId) =>
        actors.CreateActorProxy<IIncidentActor>(new ActorId(actorId), nameof(IncidentActor), OptionsFor(actors));

    private static ActorProxyOptions OptionsFor(IActorProxyFactory actors)
    {
        var options = new ActorProxyOptions { UseJsonSerialization = true };
        if (actors is ActorProxyFactory { DefaultOptions: { } defaults })
        {
            options.HttpEndpoint = defaults.HttpEndpoint;
            options.DaprApiToken = defaults.DaprApiToken;
            options.JsonSerializerOptions = defaults.JsonSerializerOptions;
            options.RequestTimeout = defaults.RequestTimeout;
        }

        return options;
    }
}
