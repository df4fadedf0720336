using AirisEpm.DaprTestSidecar.Harness;
using AirisEpm.DaprTestSidecar.PubSub;
using AirisEpm.DaprTestSidecar.Tests.Support;
using AirisEpm.ServiceDefaults.Dapr;
using Dapr;
using Microsoft.AspNetCore.Http;

namespace AirisEpm.DaprTestSidecar.Tests.PubSub;

public sealed class PubSubDeliveryTests
{
    private const string Subscriptions = """
        [
          {"pubsubname":"pubsub","topic":"t.ok","route":"/ok"},
          {"pubsubname":"pubsub","topic":"t.failing","route":"/failing","deadLetterTopic":"t.failing.dead-letter"},
          {"pubsubname":"pubsub","topic":"t.failing.dead-letter","route":"/dead-letter"},
          {"pubsubname":"pubsub","topic":"t.drop","route":"/drop"},
          {"pubsubname":"pubsub","topic":"t.missing","route":"/missing"},
          {"pubsubname":"pubsub","topic":"t.flaky","route":"/flaky"},
          {"pubsubname":"pubsub","topic":"t.routed","routes":{"rules":[{"match":"event.type == \"special\"","path":"/special"}],"default":"/ok"}}
        ]
        """;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static IResult Answer(string path, int attempt) => path switch
    {
        "/failing" => Results.StatusCode(500),
        "/drop" => Results.Json(new { status = "DROP" }),
        "/missing" => Results.NotFound(),
        "/flaky" when attempt == 1 => Results.Json(new { status = "RETRY" }),
        _ => Results.Ok(),
    };

    [Fact]
    public async Task A_publish_reaches_a_subscriber_in_another_app_as_a_cloud_event()
    {
        await using var env = await DaprTestEnvironment.StartAsync();
        var (subscriber, _) = await RecordingSubscriber.StartAsync(env, AppIds.AlertService, Subscriptions, Answer);
        using var publisher = DaprClients.For(await env.Mesh.StartSidecarAsync(AppIds.MetricsService));

        await publisher.PublishEventAsync(DaprComponents.PubSub, "t.ok", new { value = 42 },
            new Dictionary<string, string> { ["cloudevent.id"] = "event-1" }, Ct);

        var received = await Eventually.ValueAsync(() => subscriber.Received.FirstOrDefault(r => r.Path == "/ok").Envelope, what: "the delivery");
        Assert.Equal("application/cloudevents+json", subscriber.Received[0].ContentType);
        Assert.Equal("event-1", (string?)received["id"]);
        Assert.Equal(AppIds.MetricsService, (string?)received["source"]);
        Assert.Equal("com.dapr.event.sent", (string?)received["type"]);
        Assert.Equal("1.0", (string?)received["specversion"]);
        Assert.Equal("application/json", (string?)received["datacontenttype"]);
        Assert.Equal("t.ok", (string?)received["topic"]);
        Assert.Equal("pubsub", (string?)received["pubsubname"]);
        Assert.Equal(42, (int?)received["data"]?["value"]);
        Assert.Matches("^00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]$", (string?)received["traceparent"]);
        Assert.NotNull((string?)received["time"]);
    }

    [Fact]
    public async Task A_failing_handler_is_retried_under_the_inbound_policy_then_dead_lettered()
    {
        await using var env = await DaprTestEnvironment.StartAsync();
        var (subscriber, _) = await RecordingSubscriber.StartAsync(env, AppIds.AlertService, Subscriptions, Answer);
        using var publisher = DaprClients.For(await env.Mesh.StartSidecarAsync(AppIds.MetricsService));

        await publisher.PublishEventAsync(DaprComponents.PubSub, "t.failing", new { value = 1 }, Ct);

        var deadLetter = await Eventually.ValueAsync(() => subscriber.At("/dead-letter") is [var first, ..] ? first : null, clock: env.Clock, what: "the dead letter");
        var delivery = env.Mesh.PubSub.Deliveries.Single(d => d.Route == "/failing");
        Assert.Equal(DeliveryOutcome.DeadLettered, delivery.Outcome);
        Assert.Equal([500, 500, 500, 500, 500, 500], delivery.Attempts);
        Assert.Equal(delivery.Message.Id, (string?)deadLetter["id"]);
    }

    [Fact]
    public async Task Drop_status_and_404_drop_without_retry()
    {
        await using var env = await DaprTestEnvironment.StartAsync();
        await RecordingSubscriber.StartAsync(env, AppIds.AlertService, Subscriptions, Answer);
        using var publisher = DaprClients.For(await env.Mesh.StartSidecarAsync(AppIds.MetricsService));

        await publisher.PublishEventAsync(DaprComponents.PubSub, "t.drop", new { value = 1 }, Ct);
        await publisher.PublishEventAsync(DaprComponents.PubSub, "t.missing", new { value = 1 }, Ct);

        await Eventually.TrueAsync(() => env.Mesh.PubSub.Deliveries.Count(d => d.Outcome == DeliveryOutcome.Dropped) == 2, what: "two drops");
        Assert.All(env.Mesh.PubSub.Deliveries, d => Assert.Single(d.Attempts));
        Assert.DoesNotContain(env.Mesh.PubSub.Published, m => m.Topic.EndsWith("dead-letter", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Retry_status_is_redelivered_until_acknowledged()
    {
        await using var env = await DaprTestEnvironment.StartAsync();
        var (subscriber, _) = await RecordingSubscriber.StartAsync(env, AppIds.AlertService, Subscriptions, Answer);
        using var publisher = DaprClients.For(await env.Mesh.StartSidecarAsync(AppIds.MetricsService));

        await publisher.PublishEventAsync(DaprComponents.PubSub, "t.flaky", new { value = 1 }, Ct);

        await Eventually.TrueAsync(() => env.Mesh.PubSub.Deliveries.Any(d => d.Outcome == DeliveryOutcome.Acknowledged), clock: env.Clock, what: "the ack");
        Assert.Equal(2, subscriber.At("/flaky").Count);
    }

    [Fact]
    public async Task Route_rules_pick_the_path_by_event_type()
    {
        await using var env = await DaprTestEnvironment.StartAsync();
        var (subscriber, _) = await RecordingSubscriber.StartAsync(env, AppIds.AlertService, Subscriptions, Answer);
        using var publisher = DaprClients.For(await env.Mesh.StartSidecarAsync(AppIds.MetricsService));

        await publisher.PublishEventAsync(DaprComponents.PubSub, "t.routed", new { value = 1 },
            new Dictionary<string, string> { ["cloudevent.type"] = "special" }, Ct);
        await publisher.PublishEventAsync(DaprComponents.PubSub, "t.routed", new { value = 2 }, Ct);

        await Eventually.TrueAsync(() => subscriber.Received.Count == 2, what: "both deliveries");
        Assert.Equal(1, (int?)Assert.Single(subscriber.At("/special"))["data"]?["value"]);
        Assert.Equal(2, (int?)Assert.Single(subscriber.At("/ok"))["data"]?["value"]);
    }

    [Fact]
    public async Task Publishing_to_an_undeclared_pubsub_fails_with_err_pubsub_not_found()
    {
        await using var env = await DaprTestEnvironment.StartAsync();
        using var publisher = DaprClients.For(await env.Mesh.StartSidecarAsync(AppIds.MetricsService));

        var error = await Assert.ThrowsAsync<DaprException>(() => publisher.PublishEventAsync("no-such-pubsub", "t", new { }, Ct));

        Assert.Equal("ERR_PUBSUB_NOT_FOUND", DaprClients.ErrorCode(error));
    }

    [Fact]
    public async Task An_app_outside_the_pubsub_scopes_cannot_publish()
    {
        await using var env = await DaprTestEnvironment.StartAsync();
        using var publisher = DaprClients.For(await env.Mesh.StartSidecarAsync("stranger-app"));

        var error = await Assert.ThrowsAsync<DaprException>(() => publisher.PublishEventAsync(DaprComponents.PubSub, "t", new { }, Ct));

        Assert.Equal("ERR_PUBSUB_NOT_FOUND", DaprClients.ErrorCode(error));
    }
}
