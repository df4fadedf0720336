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
            response.RegisteredComponents.Add(new Autogen.RegisteredComponents { Name = component.Name, Type = component.Type, Version = component.Version });
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

        var actors = new Autogen.ActorRuntime { HostReady = true, RuntimeStatus = Autogen.ActorRuntime.Types.ActorRuntimeStatus.Running };
        foreach (var (type, count) in description.ActiveActors)
        {
            actors.ActiveActors.Add(new Autogen.ActiveActorsCount { Type = type, Count = count });
        }

        response.ActorRuntime = actors;

        return response;
    }
}
