using Dapr.Actors;
using Dapr.Actors.Client;

namespace AirisEpm.AlertService.Application;

/// <summary>
/// Proxies to this service's actors with JSON serialization (as they are registered), keeping the
/// factory's sidecar endpoint and API token: options passed per proxy replace the defaults whole.
/// </summary>
public static class JsonActorProxy
{
    public static TActor Create<TActor>(IActorProxyFactory actors, string actorId, string actorType)
        where TActor : IActor
    {
        ArgumentNullException.ThrowIfNull(actors);
        return actors.CreateActorProxy<TActor>(new ActorId(actorId), actorType, OptionsFor(actors));
    }

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
