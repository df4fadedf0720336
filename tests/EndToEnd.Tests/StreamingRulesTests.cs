using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using AirisEpm.DaprTestSidecar.Harness;
using AirisEpm.ServiceDefaults.Events;
using AirisEpm.ServiceDefaults.Security;
using AirisEpm.TestSupport;

namespace AirisEpm.EndToEnd.Tests;

/// <summary>alerts.rules-changed as it leaves alert-service's sidecar, and as metrics-service applies it.</summary>
public sealed class StreamingRulesTests(MetricRuleFixture fixture) : IClassFixture<MetricRuleFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_last_value_rule_is_published_as_a_streaming_rule_and_withdrawn_when_deleted()
    {
        using var alerts = fixture.Alerts.CreateClient().WithToken(Permissions.AlertsRead, Permissions.AlertsWrite);
        using var created = await alerts.PostAsJsonAsync("/api/v1/rules", new
        {
            name = "E2eStreaming",
            severity = "warning",
            @for = "30s",
            condition = new { metric = new { metric = "e2e_queue_depth", matchers = new[] { "queue=~\"orders|payments\"" }, agg = "last", window = "1m", op = ">=", threshold = 100 } },
        }, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetString()!;
        var afterCreate = Latest();
        using var metrics = fixture.Metrics.Client(Permissions.MetricsRead);
        await Eventually.TrueAsync(() => metrics.ThresholdRuleIds().Contains(id), what: "metrics-service to check the rule on ingest");

        Assert.Equal(HttpStatusCode.NoContent, (await alerts.DeleteAsync($"/api/v1/rules/{id}", Ct)).StatusCode);
        var afterDelete = Latest();
        await Eventually.TrueAsync(() => !metrics.ThresholdRuleIds().Contains(id), what: "metrics-service to drop the deleted rule");

        var rule = Assert.Single(Rules(afterCreate), r => r["ruleId"]!.GetValue<string>() == id);
        Assert.Equal(("e2e_queue_depth", ">=", 100d, 30d), (rule["metricName"]!.GetValue<string>(), rule["operator"]!.GetValue<string>(),
            rule["threshold"]!.GetValue<double>(), rule["forSeconds"]!.GetValue<double>()));
        var matcher = Assert.Single(rule["matchers"]!.AsArray())!;
        Assert.Equal(("queue", "=~", "orders|payments"), (matcher["name"]!.GetValue<string>(), matcher["op"]!.GetValue<string>(), matcher["value"]!.GetValue<string>()));
        Assert.DoesNotContain(Rules(afterDelete), r => r["ruleId"]!.GetValue<string>() == id);
        Assert.True(afterDelete["version"]!.GetValue<long>() > afterCreate["version"]!.GetValue<long>());
    }

    private JsonNode Latest() =>
        fixture.Environment.Mesh.PubSub.Published.Last(m => m.Topic == Topics.AlertsRulesChanged).Envelope["data"]!;

    private static IEnumerable<JsonNode> Rules(JsonNode change) => change["streamingRules"]!.AsArray().Select(r => r!);
}
