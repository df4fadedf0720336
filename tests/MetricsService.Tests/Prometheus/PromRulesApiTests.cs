using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using AirisEpm.MetricsService.Prometheus.Rules;
using AirisEpm.MetricsService.Tests.Functional;
using AirisEpm.ServiceDefaults.Security;
using AirisEpm.TestSupport;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace AirisEpm.MetricsService.Tests.Prometheus;

/// <summary>/api/v1/rules and /api/v1/alerts in Prometheus's shapes, from alert-service's rules (given here), and 503 without alert-service.</summary>
public sealed class PromRulesApiTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Since = new(2026, 1, 2, 3, 4, 5, 120, TimeSpan.Zero);
    private readonly MetricsFactory _factory = new();
    private readonly FixedRules _rules = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task Rules_in_prometheus_shape()
    {
        _rules.Add("Down", "firing", "{\"metric\":{\"metric\":\"up\"}}");
        _rules.Add("Quiet", "inactive", "{\"absent\":{\"metric\":\"x\"}}");

        var (status, body) = await GetAsync("/api/v1/rules?rule_name[]=Down");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(
            """{"status":"success","data":{"groups":[{"name":"Down","file":"alert-service","rules":[{"state":"firing","name":"Down","query":"{\"metric\":{\"metric\":\"up\"}}","duration":60,"keepFiringFor":0,"labels":{"severity":"warning"},"annotations":{"summary":"{{ $value }}"},"alerts":[{"labels":{"alertname":"Down","severity":"warning"},"annotations":{"summary":"{{ $value }}"},"state":"firing","activeAt":"2026-01-02T03:04:05.12Z","value":"4.2e+01"}],"health":"ok","evaluationTime":0,"lastEvaluation":"2026-01-02T03:04:05.12Z","type":"alerting"}],"interval":60,"limit":0,"evaluationTime":0,"lastEvaluation":"2026-01-02T03:04:05.12Z"}]}}""",
            body);
    }

    [Fact]
    public async Task Filters_and_alerts()
    {
        _rules.Add("Down", "firing", "{}");
        _rules.Add("Pending", "pending", "{}");
        _rules.Add("Quiet", "inactive", "{}");

        var all = JsonDocument.Parse((await GetAsync("/api/v1/rules")).Body).RootElement.GetProperty("data").GetProperty("groups");
        var records = await GetAsync("/api/v1/rules?type=record");
        var byGroup = JsonDocument.Parse((await GetAsync("/api/v1/rules?rule_group[]=Quiet&exclude_alerts=true")).Body).RootElement;
        var alerts = JsonDocument.Parse((await GetAsync("/api/v1/alerts")).Body).RootElement.GetProperty("data").GetProperty("alerts");
        var bad = await GetAsync("/api/v1/rules?type=bad");

        Assert.Equal(["Down", "Pending", "Quiet"], all.EnumerateArray().Select(g => g.GetProperty("name").GetString()));
        Assert.Equal("""{"status":"success","data":{"groups":[]}}""", records.Body);
        var quiet = Assert.Single(byGroup.GetProperty("data").GetProperty("groups").EnumerateArray()).GetProperty("rules")[0];
        Assert.False(quiet.TryGetProperty("alerts", out _));
        Assert.Equal(["firing", "pending"], alerts.EnumerateArray().Select(a => a.GetProperty("state").GetString()));
        Assert.Equal((HttpStatusCode.BadRequest, """{"status":"error","errorType":"bad_data","error":"invalid parameter \"type\": not supported value \"bad\""}"""), bad);
    }

    [Fact]
    public async Task Rule_file_groups_come_first_as_alert_service_wrote_them_and_are_filtered_alike()
    {
        _rules.Add("Native", "firing", "{}");
        _rules.AddFileGroup("""{"name":"api","file":"api.yml","rules":[{"state":"firing","name":"ApiDown","query":"up == 0","duration":0,"keepFiringFor":0,"labels":{},"annotations":{},"alerts":[{"labels":{"alertname":"ApiDown"},"annotations":{},"state":"firing","activeAt":"2026-01-02T03:04:05Z","value":"0e+00"}],"health":"ok","evaluationTime":0.001,"lastEvaluation":"2026-01-02T03:04:05Z","type":"alerting"},{"name":"job:up:sum","query":"sum by (job) (up)","health":"ok","evaluationTime":0,"lastEvaluation":"2026-01-02T03:04:05Z","type":"recording"}],"interval":15,"limit":0,"evaluationTime":0.001,"lastEvaluation":"2026-01-02T03:04:05Z"}""");

        var all = JsonDocument.Parse((await GetAsync("/api/v1/rules")).Body).RootElement.GetProperty("data").GetProperty("groups");
        var records = JsonDocument.Parse((await GetAsync("/api/v1/rules?type=record")).Body).RootElement.GetProperty("data").GetProperty("groups");
        var byFile = JsonDocument.Parse((await GetAsync("/api/v1/rules?file[]=api.yml&exclude_alerts=true")).Body).RootElement.GetProperty("data").GetProperty("groups");
        var alerts = JsonDocument.Parse((await GetAsync("/api/v1/alerts")).Body).RootElement.GetProperty("data").GetProperty("alerts");

        Assert.Equal(["api", "Native"], all.EnumerateArray().Select(g => g.GetProperty("name").GetString()));
        Assert.Equal(15, all[0].GetProperty("interval").GetDouble());
        Assert.Equal("job:up:sum", Assert.Single(Assert.Single(records.EnumerateArray()).GetProperty("rules").EnumerateArray()).GetProperty("name").GetString());
        Assert.All(Assert.Single(byFile.EnumerateArray()).GetProperty("rules").EnumerateArray(), r => Assert.False(r.TryGetProperty("alerts", out _)));
        Assert.Equal(["ApiDown", "Native"], alerts.EnumerateArray().Select(a => a.GetProperty("labels").GetProperty("alertname").GetString()));
    }

    [Fact]
    public async Task Without_alert_service_the_answer_is_503_unavailable()
    {
        using var reader = _factory.CreateClient().WithToken(Permissions.MetricsRead);

        foreach (var path in new[] { "/api/v1/rules", "/api/v1/alerts" })
        {
            using var response = await reader.GetAsync(path, Ct);
            var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;

            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.Equal(("error", "unavailable"), (body.GetProperty("status").GetString(), body.GetProperty("errorType").GetString()));
            Assert.Contains("alert-service", body.GetProperty("error").GetString(), StringComparison.Ordinal);
        }
    }

    private async Task<(HttpStatusCode, string Body)> GetAsync(string path)
    {
        using var host = _factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<IAlertServiceRules>(_rules)));
        using var reader = host.CreateClient().WithToken(Permissions.MetricsRead);
        using var response = await reader.GetAsync(path, Ct);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(Ct));
    }

    private sealed class FixedRules : IAlertServiceRules
    {
        private readonly List<(AlertServiceRule, AlertServiceRuleState?)> _rules = [];
        private readonly List<JsonObject> _groups = [];

        /// <summary>A group of a Prometheus rule file, as alert-service's own /api/v1/rules writes it.</summary>
        public void AddFileGroup(string json) => _groups.Add((JsonObject)JsonNode.Parse(json)!);

        public void Add(string name, string phase, string condition) => _rules.Add((
            new AlertServiceRule(name.ToLowerInvariant(), new AlertServiceRuleDocument(
                name, "warning", null, new Dictionary<string, string> { ["summary"] = "{{ $value }}" }, "1m", null, null, null,
                JsonDocument.Parse(condition).RootElement)),
            new AlertServiceRuleState(phase, "ok", Since, null, null, 42, Since, null)));

        public Task<AlertServiceRuleSet> ListAsync(CancellationToken cancellationToken) => Task.FromResult(new AlertServiceRuleSet(_groups, _rules));
    }
}
