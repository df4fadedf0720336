using System.Collections.Concurrent;
using System.Reflection;
using AirisEpm.ServiceDefaults.Events;
using Dapr.Client;

namespace AirisEpm.ServiceDefaults.Dapr;

/// <summary>Publishes integration events through the sidecar's <c>pubsub</c> component.</summary>
public sealed class DaprEventBus(DaprClient dapr) : IEventBus
{
    private static readonly ConcurrentDictionary<Type, string> TopicByType = new();

    public Task PublishAsync<TEvent>(TEvent integrationEvent, CancellationToken cancellationToken = default)
        where TEvent : IntegrationEvent
    {
        ArgumentNullException.ThrowIfNull(integrationEvent);
        var topic = TopicOf(typeof(TEvent));
        // The CloudEvent id carries our event id, so subscribers can dedupe on either.
        var metadata = new Dictionary<string, string> { ["cloudevent.id"] = integrationEvent.EventId };
        return dapr.PublishEventAsync(DaprComponents.PubSub, topic, integrationEvent, metadata, cancellationToken);
    }

    public static string TopicOf(Type eventType) => TopicByType.GetOrAdd(eventType, static t =>
        t.GetCustomAttribute<EventTopicAttribute>()?.Topic
        ?? throw new InvalidOperationException($"{t.Name} has no [EventTopic] attribute."));
}
