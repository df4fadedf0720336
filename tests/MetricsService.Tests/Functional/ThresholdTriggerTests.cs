using System.Net;
using System.Net.Http.Json;
using AirisEpm.MetricsService.Thresholds;
using AirisEpm.ServiceDefaults.Events.Contracts;
using AirisEpm.ServiceDefaults.Security;
using AirisEpm.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace AirisEpm.MetricsService.Tests.Functional;

/// <summary>Rules arrive on the subscription route; ingested samples are evaluated once durable.</summary>
public sealed class ThresholdTriggerTests : IAsyncLifetime
{
    private readonly MetricsFactory _factory = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    private static AlertRulesChanged Rules(long version, params ThresholdRuleContract[] rules) => new(version, rules);

    private static ThresholdRuleContract HighErrors =>
        new("high-errors", "http_errors", [new LabelMatcherContract("service", "=", "checkout")], ">", 5, 0);

    [Fact]
    public async Task A_breaching_sample_queues_one_firing_crossing()
    {
        var sidecar = _factory.CreateSidecarClient();
        var delivered = await sidecar.PostAsJsonAsync("/events/alerts-rules-changed", Rules(1, HighErrors), Ct);
        Assert.Equal(HttpStatusCode.OK, delivered.StatusCode);

        var writer = _factory.CreateClient().WithToken(Permissions.MetricsWrite);
        var now = Json.NowMs;
        object Sample(long ts, double value) => new
        {
            name = "http_errors",
            value,
            timestamp = ts,
            labels = new Dictionary<string, string> { ["service"] = "checkout" },
        };
        Assert.Equal(HttpStatusCode.OK, (await writer.PostAsync("/api/v1/metrics", Json.Batch(Sample(now - 2000, 9), Sample(now - 1000, 12)), Ct)).StatusCode);

        var engine = _factory.Services.GetRequiredService<ThresholdEngine>();
        var crossing = Assert.Single(engine.PeekUnpublished(10));
        Assert.Equal("high-errors", crossing.RuleId);
        Assert.Equal(ThresholdCrossed.Firing, crossing.State);
        Assert.Equal(9, crossing.Value);
    }

    [Fact]
    public async Task Rules_are_listed_and_a_bad_rule_is_reported_not_retried()
    {
        var sidecar = _factory.CreateSidecarClient();
        var bad = HighErrors with { RuleId = "bad", Matchers = [new LabelMatcherContract("service", "=~", "(")] };
        var response = await sidecar.PostAsJsonAsync("/events/alerts-rules-changed", Rules(7, HighErrors, bad), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await response.ReadAsync();
        Assert.Equal(1, result.GetProperty("active").GetInt32());
        Assert.Contains("bad", result.GetProperty("rejected")[0].GetString());

        var reader = _factory.CreateClient().WithToken(Permissions.MetricsRead);
        var listed = await (await reader.GetAsync("/api/v1/threshold-rules", Ct)).ReadAsync();
        Assert.Equal(7, listed.GetProperty("version").GetInt64());
        Assert.Equal("high-errors", listed.GetProperty("rules")[0].GetProperty("ruleId").GetString());
    }

    [Fact]
    public async Task The_subscription_is_announced_with_its_dead_letter_topic()
    {
        var text = await _factory.CreateSidecarClient().GetStringAsync("/dapr/subscribe", Ct);
        Assert.Contains("alerts.rules-changed", text);
        Assert.Contains("alerts.rules-changed.dead-letter", text);
    }
}
