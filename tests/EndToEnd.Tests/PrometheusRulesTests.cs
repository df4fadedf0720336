using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AirisEpm.ServiceDefaults.Security;
using AirisEpm.TestSupport;

namespace AirisEpm.EndToEnd.Tests;

/// <summary>
/// metrics-service's Prometheus <c>/api/v1/rules</c> and <c>/api/v1/alerts</c> read alert-service's rules (native rules and
/// their actors' states, and the groups of its Prometheus rule files) through the sidecars, with metrics-service's own
/// service token.
/// </summary>
public sealed class PrometheusRulesTests(MetricRuleFixture fixture) : IClassFixture<MetricRuleFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_rule_created_in_alert_service_is_listed_by_the_prometheus_api()
    {
        using var alerts = fixture.Alerts.CreateClient().WithToken(Permissions.AlertsRead, Permissions.AlertsWrite);
        using var metrics = fixture.Metrics.CreateClient().WithToken(Permissions.MetricsRead);
        var name = "E2ePromRule" + Guid.NewGuid().ToString("N")[..6];
        using var created = await alerts.PostAsJsonAsync("/api/v1/rules", new
        {
            name,
            severity = "warning",
            labels = new { team = "shop" },
            evaluationInterval = "15s",
            @for = "1m",
            condition = new { metric = new { metric = "e2e_prom_rules", agg = "max", window = "5m", op = ">", threshold = 1 } },
        }, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        using var response = await metrics.GetAsync($"/api/v1/rules?rule_name[]={name}", Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);
        using var alertsResponse = await metrics.GetAsync("/api/v1/alerts", Ct);

        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        var group = Assert.Single(JsonDocument.Parse(body).RootElement.GetProperty("data").GetProperty("groups").EnumerateArray());
        Assert.Equal((name, "alert-service", 15d), (group.GetProperty("name").GetString(), group.GetProperty("file").GetString(), group.GetProperty("interval").GetDouble()));
        var rule = Assert.Single(group.GetProperty("rules").EnumerateArray());
        Assert.Equal(("alerting", 60d, "shop", "warning"), (rule.GetProperty("type").GetString(), rule.GetProperty("duration").GetDouble(),
            rule.GetProperty("labels").GetProperty("team").GetString(), rule.GetProperty("labels").GetProperty("severity").GetString()));
        Assert.Contains("\"e2e_prom_rules\"", rule.GetProperty("query").GetString(), StringComparison.Ordinal);
        Assert.Contains(rule.GetProperty("state").GetString(), new[] { "inactive", "pending", "firing" });
        Assert.Equal(HttpStatusCode.OK, alertsResponse.StatusCode);
        Assert.Equal("success", JsonDocument.Parse(await alertsResponse.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_prometheus_rule_file_stored_in_alert_service_is_listed_by_the_prometheus_api()
    {
        using var alerts = fixture.Alerts.CreateClient().WithToken(Permissions.AlertsRead, Permissions.AlertsWrite);
        using var metrics = fixture.Metrics.CreateClient().WithToken(Permissions.MetricsRead);
        var group = "e2e-" + Guid.NewGuid().ToString("N")[..6];
        using var yaml = new StringContent($"groups:\n  - name: {group}\n    rules:\n      - alert: E2eFileRule\n        expr: vector(1) > 0\n", System.Text.Encoding.UTF8, "application/yaml");
        using var stored = await alerts.PutAsync($"/api/v1/rules/files/{group}.yml", yaml, Ct);
        Assert.True(stored.IsSuccessStatusCode, await stored.Content.ReadAsStringAsync(Ct));

        using var response = await metrics.GetAsync($"/api/v1/rules?rule_group[]={group}", Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);

        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        var listed = Assert.Single(JsonDocument.Parse(body).RootElement.GetProperty("data").GetProperty("groups").EnumerateArray());
        var rule = Assert.Single(listed.GetProperty("rules").EnumerateArray());
        Assert.Equal(("E2eFileRule", "vector(1) > 0", "alerting"), (rule.GetProperty("name").GetString(), rule.GetProperty("query").GetString(), rule.GetProperty("type").GetString()));
    }
}
