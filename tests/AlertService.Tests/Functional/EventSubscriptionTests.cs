using System.Net;
using System.Text;
using System.Text.Json;
using AirisEpm.AlertService.Rules;
using AirisEpm.ServiceDefaults.Dapr;
using AirisEpm.ServiceDefaults.Security;
using AirisEpm.TestSupport;
using static AirisEpm.AlertService.Tests.Functional.Json;

namespace AirisEpm.AlertService.Tests.Functional;

public sealed class EventSubscriptionTests
{
    private static readonly string[] ReadWrite = [Permissions.AlertsRead, Permissions.AlertsWrite];

    [Fact]
    public async Task Threshold_crossed_firing_becomes_an_alert_and_resolved_resolves_it()
    {
        await using var factory = new AlertServiceFactory();
        var client = await factory.StartAsync(ReadWrite);
        client.DefaultRequestHeaders.Add("dapr-api-token", TestTokens.AppApiToken);
        var at = factory.Clock.GetUtcNow();
        object Event(string state, DateTimeOffset when) => new
        {
            ruleId = "high-latency",
            metricName = "http_request_duration_p95",
            seriesLabels = new Dictionary<string, string> { ["service"] = "api" },
            value = 812.5,
            threshold = 500,
            state,
            at = when,
        };

        var ack = await PostAsync(client, "/events/metrics-threshold-crossed", Event("firing", at));
        Assert.Equal("SUCCESS", ack.GetProperty("status").GetString());
        var alert = Assert.Single((await GetAsync(client, "/api/v2/alerts")).EnumerateArray());
        Assert.Equal("high-latency", alert.GetProperty("labels").GetProperty("alertname").GetString());
        Assert.Equal("api", alert.GetProperty("labels").GetProperty("service").GetString());
        Assert.Equal("warning", alert.GetProperty("labels").GetProperty("severity").GetString());
        Assert.Equal("812.5", alert.GetProperty("annotations").GetProperty("value").GetString());
        Assert.Equal("500", alert.GetProperty("annotations").GetProperty("threshold").GetString());

        // Transitions only: still firing long after the 5m resolve timeout.
        factory.Clock.Advance(TimeSpan.FromHours(1));
        Assert.Single((await GetAsync(client, "/api/v2/alerts")).EnumerateArray());

        await PostAsync(client, "/events/metrics-threshold-crossed", Event("resolved", factory.Clock.GetUtcNow()));
        factory.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Empty((await GetAsync(client, "/api/v2/alerts")).EnumerateArray());

        // A late redelivery of the old firing event (another CloudEvent id) does not revive it.
        var late = await PostAsync(client, "/events/metrics-threshold-crossed", Event("firing", at));
        Assert.Equal("SUCCESS", late.GetProperty("status").GetString());
        Assert.Empty((await GetAsync(client, "/api/v2/alerts")).EnumerateArray());

        // A new crossing after the resolution fires again.
        await PostAsync(client, "/events/metrics-threshold-crossed", Event("firing", factory.Clock.GetUtcNow()));
        Assert.Single((await GetAsync(client, "/api/v2/alerts")).EnumerateArray());
    }

    [Fact]
    public async Task A_crossing_of_a_stored_rule_is_named_labelled_and_annotated_by_that_rule()
    {
        await using var factory = new AlertServiceFactory();
        var rule = JsonSerializer.Deserialize<RuleDocument>("""
            {"name":"QueueBacklog","severity":"critical","labels":{"team":"payments","service":"overridden"},
             "annotations":{"summary":"{{ $labels.queue }} holds {{ $value }} messages"},
             "condition":{"metric":{"metric":"queue_depth","agg":"last","window":"1m","op":">","threshold":100}}}
            """, JsonSerializerOptions.Web)!;
        await factory.Rules.CreateAsync("r-42", rule, TestContext.Current.CancellationToken);
        var client = await factory.StartAsync(ReadWrite);
        client.DefaultRequestHeaders.Add("dapr-api-token", TestTokens.AppApiToken);

        await PostAsync(client, "/events/metrics-threshold-crossed", new
        {
            ruleId = "r-42",
            metricName = "queue_depth",
            seriesLabels = new Dictionary<string, string> { ["queue"] = "orders", ["service"] = "billing" },
            value = 250,
            threshold = 100,
            state = "firing",
            at = factory.Clock.GetUtcNow(),
        });

        var alert = Assert.Single((await GetAsync(client, "/api/v2/alerts")).EnumerateArray());
        var labels = alert.GetProperty("labels");
        Assert.Equal(("QueueBacklog", "critical", "payments", "orders", "overridden"), (labels.GetProperty("alertname").GetString(),
            labels.GetProperty("severity").GetString(), labels.GetProperty("team").GetString(), labels.GetProperty("queue").GetString(),
            labels.GetProperty("service").GetString()));
        Assert.Equal("orders holds 250 messages", alert.GetProperty("annotations").GetProperty("summary").GetString());
        Assert.Equal("100", alert.GetProperty("annotations").GetProperty("threshold").GetString());
    }

    [Fact]
    public async Task Log_and_trace_anomalies_become_alerts()
    {
        await using var factory = new AlertServiceFactory();
        var client = await factory.StartAsync(ReadWrite);
        client.DefaultRequestHeaders.Add("dapr-api-token", TestTokens.AppApiToken);
        var now = factory.Clock.GetUtcNow();

        await PostAsync(client, "/events/logs-anomaly-detected", new
        {
            service = "api", patternId = "p-17", template = "timeout after <*> ms", count = 420, baseline = 12.5,
            windowStart = now.AddMinutes(-5), windowEnd = now,
        });
        await PostAsync(client, "/events/traces-anomaly-detected", new
        {
            service = "api", operation = "GET /orders", kind = "error-rate", value = 0.2, baseline = 0.01, at = now,
        });

        var names = (await GetAsync(client, "/api/v2/alerts")).EnumerateArray()
            .Select(a => a.GetProperty("labels").GetProperty("alertname").GetString()).Order();
        Assert.Equal(["LogPatternAnomaly", "TraceErrorRateAnomaly"], names);
    }

    [Fact]
    public async Task An_event_without_the_sidecar_token_is_401_and_creates_no_alert()
    {
        await using var factory = new AlertServiceFactory();
        var client = await factory.StartAsync(Permissions.Admin);
        var body = """{"ruleId":"r","metricName":"m","seriesLabels":{},"value":9,"threshold":1,"state":"firing","at":"2026-01-01T00:00:00Z"}""";

        var response = await client.PostAsync("/events/metrics-threshold-crossed", new StringContent(body, Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty((await GetAsync(client, "/api/v2/alerts")).EnumerateArray());
    }

    [Theory]
    [InlineData("/events/metrics-threshold-crossed", "{not json")]
    [InlineData("/events/metrics-threshold-crossed", """{"ruleId":"r","seriesLabels":{},"state":"sideways","at":"2026-01-01T00:00:00Z"}""")]
    [InlineData("/events/logs-anomaly-detected", """{"patternId":"p"}""")]
    [InlineData("/events/traces-anomaly-detected", """{"service":"api","operation":"op","kind":"throughput","value":1,"baseline":1,"at":"2026-01-01T00:00:00Z"}""")]
    public async Task Malformed_event_is_dropped_to_the_dead_letter_topic_and_creates_no_alert(string route, string body)
    {
        await using var factory = new AlertServiceFactory();
        var client = await factory.StartAsync(ReadWrite);
        client.DefaultRequestHeaders.Add("dapr-api-token", TestTokens.AppApiToken);

        var response = await client.PostAsync(route, new StringContent(body, Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);
        var status = await ReadAsync(response, HttpStatusCode.OK);

        Assert.Equal("DROP", status.GetProperty("status").GetString());
        Assert.Empty((await GetAsync(client, "/api/v2/alerts")).EnumerateArray());
    }

    [Fact]
    public async Task Subscriptions_are_announced_with_dead_letter_topics()
    {
        await using var factory = new AlertServiceFactory();
        var client = await factory.StartAsync(ReadWrite);
        client.DefaultRequestHeaders.Add("dapr-api-token", TestTokens.AppApiToken);

        var subscriptions = await GetAsync(client, "/dapr/subscribe");

        foreach (var topic in new[] { "metrics.threshold-crossed", "logs.anomaly-detected", "traces.anomaly-detected" })
        {
            var subscription = subscriptions.EnumerateArray().SingleOrDefault(s => s.GetProperty("topic").GetString() == topic);
            Assert.True(subscription.ValueKind == System.Text.Json.JsonValueKind.Object, $"{topic} missing in {subscriptions}");
            // The sidecar (Go) reads these names case-insensitively; the SDK writes pubsubName.
            string? Field(string name) => subscription.EnumerateObject()
                .Single(p => p.Name.Equals(name, StringComparison.OrdinalIgnoreCase)).Value.GetString();
            Assert.Equal(DaprComponents.PubSub, Field("pubsubname"));
            Assert.Equal(topic + ".dead-letter", Field("deadLetterTopic"));
        }
    }
}
