using AirisEpm.ServiceDefaults.Events;
using AirisEpm.ServiceDefaults.Security;
using Dapr;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AirisEpm.ServiceDefaults.Dapr;

public static class DaprExtensions
{
    /// <summary>
    /// DaprClient (it reads DAPR_HTTP_PORT, DAPR_GRPC_PORT and DAPR_API_TOKEN from the environment),
    /// the event bus and the idempotency guard.
    /// </summary>
    public static IServiceCollection AddAirisDapr(this IServiceCollection services)
    {
        services.AddDaprClient((provider, client) =>
        {
            // Read from configuration (not only the process environment) so that several apps in one
            // test process can each talk to their own sidecar.
            var configuration = provider.GetRequiredService<IConfiguration>();
            client.UseHttpEndpoint(DaprDefaults.GetDefaultHttpEndpoint(configuration));
            client.UseGrpcEndpoint(DaprDefaults.GetDefaultGrpcEndpoint(configuration));
            if (DaprDefaults.GetDefaultDaprApiToken(configuration) is { Length: > 0 } token)
            {
                client.UseDaprApiToken(token);
            }
        });
        services.AddSingleton<IEventBus, DaprEventBus>();
        services.AddSingleton<IdempotencyGuard>();
        services.AddSingleton<SidecarMetadata>();
        return services;
    }

    /// <summary>Unwraps CloudEvents (forwarding their id and type as headers) and serves /dapr/subscribe to the sidecar only.</summary>
    public static WebApplication UseAirisDaprPubSub(this WebApplication app)
    {
        app.UseCloudEvents(new CloudEventsMiddlewareOptions { ForwardCloudEventPropertiesAsHeaders = true });
        app.MapSubscribeHandler().RequireSidecar();
        return app;
    }

    /// <summary>Subscribes a handler to <paramref name="topic"/> on <c>pubsub</c>, with its dead-letter topic.</summary>
    public static RouteHandlerBuilder WithSubscription(this RouteHandlerBuilder builder, string topic) =>
        builder.WithTopic(new TopicOptions
        {
            PubsubName = DaprComponents.PubSub,
            Name = topic,
            DeadLetterTopic = Topics.DeadLetter(topic),
        });
}
