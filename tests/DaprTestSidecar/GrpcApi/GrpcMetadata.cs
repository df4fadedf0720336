using AirisEpm.DaprTestSidecar.Hosting;
using Autogen = Dapr.Client.Autogen.Grpc.v1;

namespace AirisEpm.DaprTestSidecar.GrpcApi;

/// <summary>GetMetadata: app id, the components this app may use, its subscriptions and hosted actor types.</summary>
internal static class GrpcMetadata
{
    public static Autogen.GetMetadataResponse Describe(TestSidecar sidecar)
    {
        var description = sidecar.Describe();
        var response = new Autogen.GetMetadataResponse { Id = description.Id, RuntimeVersion = description.RuntimeVersion };
        foreach (var component in description.Components)
        {
            var registered = new Autogen.RegisteredComponents { Name = component.Name, Type = component.Type, Version = component.Version };
            registered.Capabilities.AddRange(component.Capabilities);
            response.RegisteredComponents.Add(registered);
        }

        foreach (var subscription in description.Subscriptions)
        {
            var item = new Autogen.PubsubSubscription
            {
                PubsubName = subscription.PubSubName,
                Topic = subscription.Topic,
                DeadLetterTopic = subscription.DeadLetterTopic ?? "",
                Rules = new Autogen.PubsubSubscriptionRules(),
            };
            item.Rules.Rules.AddRange(subscription.Rules.Select(r => new Autogen.PubsubSubscriptionRule { Match = r.Match, Path = r.Path }));
            response.Subscriptions.Add(item);
        }

        var actors = new Autogen.ActorRuntime
        {
            HostReady = description.ActorRuntime.HostReady,
            Placement = description.ActorRuntime.Placement,
            RuntimeStatus = description.ActorRuntime.RuntimeStatus == "RUNNING"
                ? Autogen.ActorRuntime.Types.ActorRuntimeStatus.Running
                : Autogen.ActorRuntime.Types.ActorRuntimeStatus.Disabled,
        };
        foreach (var (type, count) in description.ActiveActors)
        {
            actors.ActiveActors.Add(new Autogen.ActiveActorsCount { Type = type, Count = count });
        }

        response.ActorRuntime = actors;
        response.EnabledFeatures.AddRange(description.EnabledFeatures);

        return response;
    }
}
