using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using AirisEpm.ServiceDefaults.Security;
using AirisEpm.TestSupport;

namespace AirisEpm.EndToEnd.Tests;

/// <summary>
/// A Prometheus rule file loaded into alert-service fires end to end: the real metrics-service (Prometheus query API
/// over DuckDB) and alert-service, each beside a test sidecar. The group actor's reminder (driven by the mesh clock)
/// queries <c>/api/v1/query</c> by service invocation; the recording rule's series is written back to metrics-service
/// and can be queried there; the alerting rule goes pending, fires after <c>for</c>, and its templated annotation
/// arrives by email over SMTP; Prometheus's <c>/api/v1/rules</c> and <c>/api/v1/alerts</c> show it firing.
/// </summary>
public sealed partial class PromRuleFileTests(MetricRuleFixture fixture) : IClassFixture<MetricRuleFixture>
{
    private const string Routing = """
        route:
          receiver: oncall
          group_by: [alertname]
          group_wait: 1s
          group_interval: 1m
          repeat_interval: 4h
        receivers:
          - name: oncall
            email_configs:
              - to: oncall@airis.local
        """;

    private const string RuleFile = """
        groups:
          - name: http
            interval: 1s
            rules:
              - record: job:http_errors:rate1m
                expr: sum by (job) (rate(http_requests_total{code="500"}[1m]))
              - alert: HighErrorRate
                expr: rate(http_requests_total{code="500"}[1m]) > 0.5
                for: 2s
                labels:
                  severity: page
                annotations:
                  summary: "{{ $labels.instance }} fails {{ $value | humanize }} requests/s"
        """;

    [Fact]
    public async Task A_rule_file_records_a_series_and_its_alert_fires_by_email()
    {
        using var alerts = fixture.Alerts.CreateClient().WithToken(Permissions.AlertsRead, Permissions.AlertsWrite);
        using var metrics = fixture.Metrics.CreateClient().WithToken(Permissions.MetricsWrite, Permissions.MetricsRead);
        var configured = await alerts.PutYamlAsync("/api/v1/alerting/config", Routing);
        Assert.True(configured.IsSuccessStatusCode, await configured.Content.ReadAsStringAsync(Http.Ct));
        var loaded = await alerts.PutYamlAsync("/api/v1/rules/files/http", RuleFile);
        Assert.True(loaded.StatusCode == HttpStatusCode.Created, await loaded.Content.ReadAsStringAsync(Http.Ct));

        // 6 errors/s over the last minute: a counter stepping 60 every 10 s.
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var ingested = await metrics.PostJsonAsync("/api/v1/metrics", new
        {
            metrics = Enumerable.Range(0, 6).Select(i => new
            {
                name = "http_requests_total",
                value = 60.0 * i,
                timestamp = now - 50_000 + (i * 10_000),
                type = "counter",
                labels = new Dictionary<string, string> { ["code"] = "500", ["instance"] = "web-1", ["job"] = "api" },
            }).ToArray(),
        });
        Assert.True(ingested.IsSuccessStatusCode, await ingested.Content.ReadAsStringAsync(Http.Ct));

        // Each round moves the mesh clock one group interval (the reminder fires); `for` runs on real time.
        var deadline = DateTime.UtcNow.AddSeconds(40);
        while (fixture.Environment.Smtp.Messages.Count == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "Timed out waiting for the alert's email. Rules: " + await alerts.GetStringAsync("/api/v1/rules", Http.Ct));
            fixture.Environment.Clock.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(250, Http.Ct);
        }

        var mail = fixture.Environment.Smtp.Messages[0];
        Assert.Equal("oncall@airis.local", mail.To.Mailboxes.Single().Address);
        Assert.Contains("[FIRING:1] HighErrorRate", mail.Subject, StringComparison.Ordinal);
        Assert.Matches(Summary(), mail.HtmlBody);

        var rules = await (await alerts.GetAsync("/api/v1/rules", Http.Ct)).JsonAsync();
        var group = Assert.Single(rules.GetProperty("data").GetProperty("groups").EnumerateArray());
        Assert.Equal(("http", "http", 1d), (group.GetProperty("name").GetString(), group.GetProperty("file").GetString(), group.GetProperty("interval").GetDouble()));
        Assert.All(group.GetProperty("rules").EnumerateArray(), r => Assert.Equal("ok", r.GetProperty("health").GetString()));
        Assert.Equal("firing", group.GetProperty("rules")[1].GetProperty("state").GetString());
        var active = await (await alerts.GetAsync("/api/v1/alerts", Http.Ct)).JsonAsync();
        var alert = Assert.Single(active.GetProperty("data").GetProperty("alerts").EnumerateArray());
        Assert.Equal(("firing", "web-1", "api"), (alert.GetProperty("state").GetString(), alert.GetProperty("labels").GetProperty("instance").GetString(), alert.GetProperty("labels").GetProperty("job").GetString()));

        var recorded = await (await metrics.GetAsync("/api/v1/query?query=job:http_errors:rate1m", Http.Ct)).JsonAsync();
        var series = Assert.Single(recorded.GetProperty("data").GetProperty("result").EnumerateArray());
        Assert.Equal(("job:http_errors:rate1m", "api"), (series.GetProperty("metric").GetProperty("__name__").GetString(), series.GetProperty("metric").GetProperty("job").GetString()));
        Assert.True(double.Parse(series.GetProperty("value")[1].GetString()!, System.Globalization.CultureInfo.InvariantCulture) > 0.5, series.ToString());
    }

    [GeneratedRegex(@"web-1 fails \d+(\.\d+)?[kmu]? requests/s")]
    private static partial Regex Summary();
}
