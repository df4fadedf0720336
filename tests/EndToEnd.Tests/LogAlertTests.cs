using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using AirisEpm.DaprTestSidecar.Harness;
using AirisEpm.DaprTestSidecar.PubSub;
using AirisEpm.ServiceDefaults.Dapr;
using AirisEpm.ServiceDefaults.Events;
using AirisEpm.ServiceDefaults.Security;

namespace AirisEpm.EndToEnd.Tests;

/// <summary>
/// Logs to pages, through the sidecar double: a log rule counts records in log-service by service
/// invocation and fires; a burst of a new error pattern is published as logs.anomaly-detected, and
/// alert-service pages the on-call by email.
/// </summary>
public sealed class LogAlertTests(LogAlertFixture fixture) : IClassFixture<LogAlertFixture>
{
    private const string Routing = """
        route:
          receiver: oncall
          group_by: [alertname, service]
          group_wait: 1s
          group_interval: 1m
          repeat_interval: 4h
        receivers:
          - name: oncall
            email_configs:
              - to: oncall@airis.local
        """;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static StringContent Ndjson(IEnumerable<object> records) =>
        new(string.Join('\n', records.Select(r => JsonSerializer.Serialize(r))), Encoding.UTF8, "application/x-ndjson");

    [Fact]
    public async Task A_log_rule_fires_from_ingested_records()
    {
        using var alerts = fixture.Alerts.Client(Permissions.AlertsRead, Permissions.AlertsWrite);
        using var logs = fixture.Logs.Client(Permissions.LogsWrite);
        var created = await alerts.PostAsJsonAsync("/api/v1/rules", new
        {
            name = "E2eCheckoutErrors",
            severity = "warning",
            labels = new { service = "checkout" },
            annotations = new { summary = "{{ $value }} checkout errors in 5m" },
            evaluationInterval = "15s",
            condition = new { log = new { query = "level:error AND service:checkout AND declined", window = "5m", op = ">", threshold = 3 } },
        }, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        var ingested = await logs.PostAsync("/api/v1/logs", Ndjson(Enumerable.Range(0, 5).Select(i =>
            (object)new { message = $"card declined for order o-{i}", level = "error", service = "checkout" })), Ct);
        Assert.Equal(HttpStatusCode.OK, ingested.StatusCode);

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while ((await FiringAsync(alerts, "E2eCheckoutErrors")).GetArrayLength() == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "Timed out waiting for the log rule's alert in /api/v2/alerts.");
            fixture.Environment.Clock.Advance(TimeSpan.FromSeconds(15));
            await Task.Delay(100, Ct);
        }

        var alert = Assert.Single((await FiringAsync(alerts, "E2eCheckoutErrors")).EnumerateArray());
        Assert.Equal("5 checkout errors in 5m", alert.GetProperty("annotations").GetProperty("summary").GetString());
    }

    [Fact]
    public async Task A_burst_of_a_new_error_pattern_pages_by_email()
    {
        using var alerts = fixture.Alerts.Client(Permissions.AlertsRead, Permissions.AlertsWrite);
        var configured = await alerts.PutYamlAsync("/api/v1/alerting/config", Routing);
        Assert.True(configured.IsSuccessStatusCode, await configured.Content.ReadAsStringAsync(Ct));
        using var logs = fixture.Logs.Client(Permissions.LogsWrite);

        // Ordinary traffic first, so the service is past its warm-up when the new pattern appears.
        var warmUpUntil = DateTime.UtcNow.AddSeconds(11);
        while (DateTime.UtcNow < warmUpUntil)
        {
            await logs.PostAsync("/api/v1/logs", Ndjson([new { message = "GET /cart 200 in 12 ms", level = "info", service = "payments" }]), Ct);
            await Task.Delay(500, Ct);
        }

        var burst = await logs.PostAsync("/api/v1/logs", Ndjson(Enumerable.Range(0, 10).Select(i =>
            (object)new { message = $"gateway timeout talking to acquirer after {3000 + i} ms", level = "error", service = "payments" })), Ct);
        Assert.Equal(HttpStatusCode.OK, burst.StatusCode);

        var anomaly = await Eventually.ValueAsync(
            () => fixture.Environment.Mesh.PubSub.Deliveries.FirstOrDefault(d =>
                d.Message.Topic == Topics.LogsAnomalyDetected && d.AppId == AppIds.AlertService && d.Outcome == DeliveryOutcome.Acknowledged
                && d.Message.Envelope.ToJsonString().Contains("new_pattern", StringComparison.Ordinal)),
            TimeSpan.FromSeconds(40), what: "logs.anomaly-detected (new_pattern) acknowledged by alert-service");
        Assert.Equal(AppIds.LogService, anomaly.Message.PublisherAppId);
        Assert.Contains("acquirer", anomaly.Message.Envelope.ToJsonString(), StringComparison.Ordinal);

        var mail = await Eventually.ValueAsync(() => fixture.Environment.Smtp.Messages.FirstOrDefault(m => m.Subject?.Contains("LogPatternAnomaly", StringComparison.Ordinal) == true),
            TimeSpan.FromSeconds(30), what: "the page by email");
        Assert.Equal("oncall@airis.local", mail.To.Mailboxes.Single().Address);
        Assert.Contains("payments", mail.HtmlBody, StringComparison.Ordinal);
    }

    private static Task<JsonElement> FiringAsync(HttpClient alerts, string name) =>
        alerts.GetFromJsonAsync<JsonElement>($"/api/v2/alerts?filter=alertname%3D%22{name}%22", Ct);
}
