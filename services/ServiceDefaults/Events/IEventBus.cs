namespace AirisEpm.ServiceDefaults.Events;

/// <summary>Publishes integration events; the topic comes from the event type's <see cref="EventTopicAttribute"/>.</summary>
public interface IEventBus
{
    Task PublishAsync<TEvent>(TEvent integrationEvent, CancellationToken cancellationToken = default)
        where TEvent : IntegrationEvent;
}
