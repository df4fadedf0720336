namespace AirisEpm.ServiceDefaults.Events;

/// <summary>
/// Base of every integration event: a past-tense fact one service publishes for the others.
/// The id lets subscribers deduplicate at-least-once deliveries.
/// </summary>
public abstract record IntegrationEvent
{
    public string EventId { get; init; } = Guid.NewGuid().ToString("N");
    public DateTimeOffset OccurredAt { get; init; } = DateTimeOffset.UtcNow;
}
