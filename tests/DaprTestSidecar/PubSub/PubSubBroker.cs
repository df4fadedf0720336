using System.Collections.Concurrent;
using AirisEpm.DaprTestSidecar.Components;
using AirisEpm.DaprTestSidecar.Hosting;

namespace AirisEpm.DaprTestSidecar.PubSub;

/// <summary>
/// The message broker of a mesh. Every app subscribed to a topic gets its own copy (consumerID =
/// app id), delivered to one of its replicas in turn; delivery is at least once with the pub/sub
/// component's inbound retry policy, then dead-letter. Deliveries run in the background and are
/// recorded for assertions.
/// </summary>
public sealed class PubSubBroker(DaprMesh mesh)
{
    private readonly ConcurrentQueue<PublishedMessage> _published = new();
    private readonly ConcurrentQueue<Delivery> _deliveries = new();
    private readonly ConcurrentBag<Task> _running = [];
    private int _turn;

    public IReadOnlyList<PublishedMessage> Published => _published.ToList();

    public IReadOnlyList<Delivery> Deliveries => _deliveries.ToList();

    public PublishedMessage Publish(string publisherAppId, PublishRequest request, string traceparent)
    {
        var envelope = CloudEventBuilder.Build(request, publisherAppId, traceparent, mesh.Clock.GetUtcNow());
        var message = new PublishedMessage(request.PubSubName, request.Topic, envelope, publisherAppId);
        Enqueue(message);
        return message;
    }

    /// <summary>Delivers an already acknowledged message once more to <paramref name="appId"/>, as a broker may.</summary>
    public async Task<Delivery> RedeliverAsync(string messageId, string appId, CancellationToken cancellationToken = default)
    {
        var previous = _deliveries.LastOrDefault(d => d.Message.Id == messageId && d.AppId == appId)
            ?? throw new InvalidOperationException($"Message {messageId} was never delivered to {appId}.");
        var subscriber = mesh.Sidecar(appId);
        var subscription = subscriber.Subscriptions.First(s => s.PubSubName == previous.Message.PubSubName && s.Topic == previous.Message.Topic);
        var delivery = new Delivery(previous.Message, appId, previous.Route);
        _deliveries.Enqueue(delivery);
        await RunAsync(subscriber, delivery, subscription, cancellationToken);
        return delivery;
    }

    /// <summary>Waits until all deliveries started so far have finished (acknowledged, dropped or dead-lettered).</summary>
    public Task IdleAsync() => Task.WhenAll(_running.ToArray());

    private void Enqueue(PublishedMessage message)
    {
        _published.Enqueue(message);
        foreach (var app in mesh.Sidecars.GroupBy(s => s.AppId))
        {
            var subscribed = app.Where(r => r.Subscriptions.Any(s => s.PubSubName == message.PubSubName && s.Topic == message.Topic)).ToList();
            if (subscribed.Count == 0)
            {
                continue;
            }

            var subscriber = subscribed[(int)((uint)Interlocked.Increment(ref _turn) % (uint)subscribed.Count)];
            foreach (var subscription in subscriber.Subscriptions.Where(s => s.PubSubName == message.PubSubName && s.Topic == message.Topic))
            {
                if (RouteMatcher.Route(subscription, message.Envelope) is not { } route)
                {
                    continue;
                }

                var delivery = new Delivery(message, subscriber.AppId, route);
                _deliveries.Enqueue(delivery);
                _running.Add(Task.Run(() => RunAsync(subscriber, delivery, subscription, mesh.Stopping)));
            }
        }
    }

    private async Task RunAsync(TestSidecar subscriber, Delivery delivery, SubscriptionDefinition subscription, CancellationToken cancellationToken)
    {
        var policy = mesh.Components.Resiliency.InboundRetry(delivery.Message.PubSubName);
        for (var attempt = 0; ; attempt++)
        {
            if (delivery.Message.ExpiresAt is { } expires && expires <= mesh.Clock.GetUtcNow())
            {
                delivery.Outcome = DeliveryOutcome.Expired;
                return;
            }

            var (status, verdict) = await subscriber.Channel.DeliverAsync(delivery.Route, delivery.Message.Envelope, cancellationToken);
            delivery.Record(status);
            if (verdict != AppVerdict.Retry)
            {
                delivery.Outcome = verdict == AppVerdict.Success ? DeliveryOutcome.Acknowledged : DeliveryOutcome.Dropped;
                return;
            }

            if (attempt >= policy.MaxRetries)
            {
                break;
            }

            await Task.Delay(policy.DelayBefore(attempt + 1), mesh.Clock, cancellationToken);
        }

        if (subscription.DeadLetterTopic is { Length: > 0 } deadLetter)
        {
            Enqueue(delivery.Message with { Topic = deadLetter });
            delivery.Outcome = DeliveryOutcome.DeadLettered;
        }
        else
        {
            delivery.Outcome = DeliveryOutcome.Dropped;
        }
    }
}
