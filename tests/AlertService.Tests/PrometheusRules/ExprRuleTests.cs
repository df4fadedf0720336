using System.Net;
using System.Net.Http.Json;
using AirisEpm.AlertService.Domain.PrometheusRules;
using AirisEpm.AlertService.Domain.Rules;
using AirisEpm.AlertService.Rules;
using AirisEpm.ServiceDefaults.Security;
using Microsoft.Extensions.DependencyInjection;
using static AirisEpm.AlertService.Tests.Functional.Json;

namespace AirisEpm.AlertService.Tests.PrometheusRules;

/// <summary>A rule created through <c>/api/v1/rules</c> whose condition is a PromQL <c>expr</c>: one alert per series, Prometheus's semantics.</summary>
public sealed class ExprRuleTests
{
    private static readonly string[] ReadWrite = [Permissions.AlertsRead, Permissions.AlertsWrite];
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_expr_rule_raises_one_alert_per_series_after_for_with_templated_annotations()
    {
        await using var factory = new PromRulesFactory();
        var client = await factory.StartAsync(ReadWrite);
        factory.Queries.Answer = (_, _) => PromQueryAnswer.Of(
        [
            new PromSample(new Dictionary<string, string> { ["instance"] = "a" }, 1500),
            new PromSample(new Dictionary<string, string> { ["instance"] = "b" }, 0.25),
        ]);
        var created = await PostAsync(client, "/api/v1/rules", new
        {
            name = "SlowRequests",
            severity = "critical",
            expr = "histogram_quantile(0.99, sum by (instance, le) (rate(latency_bucket[5m]))) > 0.2",
            @for = "1m",
            labels = new { team = "{{ $labels.instance }}-owners" },
            annotations = new { summary = "p99 {{ $value | humanizeDuration }} on {{ $labels.instance }}" },
        }, HttpStatusCode.Created);
        var id = created.GetProperty("id").GetString()!;
        Assert.False(created.GetProperty("streaming").GetBoolean());
        var scheduler = factory.Services.GetRequiredService<IRuleScheduler>();

        var pending = await scheduler.EvaluateNowAsync(id, Ct);
        Assert.Equal(("pending", "ok"), ((await GetAsync(client, $"/api/v1/rules/{id}/state")).GetProperty("phase").GetString(), (await GetAsync(client, $"/api/v1/rules/{id}/state")).GetProperty("health").GetString()));
        Assert.Equal(2, pending.Prometheus!.Rules[0].Alerts.Count);
        Assert.Empty((await GetAsync(client, "/api/v2/alerts")).EnumerateArray());

        factory.Clock.Advance(TimeSpan.FromMinutes(1));
        await scheduler.EvaluateNowAsync(id, Ct);
        var alerts = (await GetAsync(client, "/api/v2/alerts")).EnumerateArray().OrderBy(a => a.GetProperty("labels").GetProperty("instance").GetString()).ToList();
        Assert.Equal(2, alerts.Count);
        Assert.Equal(("SlowRequests", "critical", "a-owners", "p99 25m 0s on a"), (
            alerts[0].GetProperty("labels").GetProperty("alertname").GetString(), alerts[0].GetProperty("labels").GetProperty("severity").GetString(),
            alerts[0].GetProperty("labels").GetProperty("team").GetString(), alerts[0].GetProperty("annotations").GetProperty("summary").GetString()));
        Assert.Equal("p99 250ms on b", alerts[1].GetProperty("annotations").GetProperty("summary").GetString());
        var state = await GetAsync(client, $"/api/v1/rules/{id}/state");
        Assert.Equal(("firing", 1500d), (state.GetProperty("phase").GetString(), state.GetProperty("lastValue").GetDouble()));
    }

    [Fact]
    public async Task Deleting_an_expr_rule_ends_its_ALERTS_series_with_stale_markers()
    {
        await using var factory = new PromRulesFactory();
        var client = await factory.StartAsync(ReadWrite);
        factory.Queries.Answer = (_, _) => PromQueryAnswer.Of([new PromSample(new Dictionary<string, string> { ["instance"] = "a" }, 1)]);
        var id = (await PostAsync(client, "/api/v1/rules", new { name = "Up", severity = "info", expr = "up > 0" }, HttpStatusCode.Created)).GetProperty("id").GetString()!;
        await factory.Services.GetRequiredService<IRuleScheduler>().EvaluateNowAsync(id, Ct);
        Assert.Contains(factory.Writes.Written, w => w.Sample.Labels["__name__"] == "ALERTS" && !AirisEpm.PromQl.Model.StaleMarker.IsStale(w.Sample.Value));

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/v1/rules/{id}", Ct)).StatusCode);

        var stale = factory.Writes.Written.Where(w => AirisEpm.PromQl.Model.StaleMarker.IsStale(w.Sample.Value)).Select(w => w.Sample.Labels["__name__"]).Order(StringComparer.Ordinal);
        Assert.Equal(["ALERTS", "ALERTS_FOR_STATE"], stale);
    }

    [Theory]
    [InlineData("expr", "{\"name\":\"R\",\"severity\":\"info\",\"expr\":\"rate(x[5m]\"}")]
    [InlineData("annotations.summary", "{\"name\":\"R\",\"severity\":\"info\",\"expr\":\"up\",\"annotations\":{\"summary\":\"{{ $nope }}\"}}")]
    [InlineData("labels.team", "{\"name\":\"R\",\"severity\":\"info\",\"expr\":\"up\",\"labels\":{\"team\":\"{{ if }}\"}}")]
    [InlineData("expr", "{\"name\":\"R\",\"severity\":\"info\",\"expr\":\"up\",\"condition\":{\"log\":{\"query\":\"x\",\"window\":\"1m\",\"op\":\">\",\"threshold\":1}}}")]
    public async Task A_bad_expr_rule_is_a_400_naming_the_field(string field, string body)
    {
        await using var factory = new PromRulesFactory();
        var client = await factory.StartAsync(ReadWrite);
        var response = await client.PostAsync("/api/v1/rules", new StringContent(body, System.Text.Encoding.UTF8, "application/json"), Ct);
        Assert.Contains(field, ErrorKeys(await ReadAsync(response, HttpStatusCode.BadRequest)));
    }

    [Fact]
    public async Task A_failing_query_keeps_the_phase_and_reports_the_error()
    {
        await using var factory = new PromRulesFactory();
        var client = await factory.StartAsync(ReadWrite);
        factory.Queries.Answer = (_, _) => PromQueryAnswer.Of([new PromSample(new Dictionary<string, string>(), 1)]);
        var id = (await PostAsync(client, "/api/v1/rules", new { name = "R", severity = "info", expr = "vector(1)" }, HttpStatusCode.Created)).GetProperty("id").GetString()!;
        var scheduler = factory.Services.GetRequiredService<IRuleScheduler>();
        Assert.Equal(RulePhase.Firing, (await scheduler.EvaluateNowAsync(id, Ct)).Phase);

        factory.Queries.Answer = (_, _) => PromQueryAnswer.Failed("metrics-service answered 503");
        var failed = await scheduler.EvaluateNowAsync(id, Ct);
        Assert.Equal((RulePhase.Firing, RuleHealth.Failed, "metrics-service answered 503", 1), (failed.Phase, failed.Health, failed.LastError, failed.ConsecutiveFailures));
    }
}
