using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using AirisEpm.DaprTestSidecar.Harness;
using AirisEpm.ServiceDefaults.Dapr;
using AirisEpm.ServiceDefaults.Events;
using AirisEpm.ServiceDefaults.Security;

namespace AirisEpm.EndToEnd.Tests;

/// <summary>
/// Traces to the dependency graph to a page, through the sidecar double: two services post OTLP spans to the real
/// trace-service, which builds the graph at ingest (the entry edge, the matched call, the uninstrumented database);
/// after a baseline the database turns slow, trace-service publishes traces.anomaly-detected, and alert-service opens
/// an incident whose root cause, read from trace-service's graph, is that database, and pages by email.
/// </summary>
public sealed class TraceGraphTests(TraceGraphFixture fixture) : IClassFixture<TraceGraphFixture>
{
    private const string Routing = """
        route:
          receiver: team
          group_by: [alertname, service]
          group_wait: 1s
          group_interval: 1m
          routes:
            - receiver: team
              matchers: ['alertname=~"Trace.*"']
              escalation_policy: traces
        receivers:
          - name: team
            email_configs:
              - to: team@airis.local
          - name: primary
            email_configs:
              - to: primary@airis.local
        """;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private DaprTestEnvironment Env => fixture.Environment;

    private long NowNs => (Env.Clock.GetUtcNow() - DateTimeOffset.UnixEpoch).Ticks * 100;

    private async Task PostMinuteAsync(HttpClient traces, string prefix, int minute, double dbMs, int requests = 10)
    {
        var (frontend, checkout) = OtlpTraffic.Requests(prefix, minute * 1_000 + 1, requests, NowNs, dbMs);
        foreach (var body in new[] { checkout, frontend })
        {
            var response = await traces.PostAsync("/v1/traces", new StringContent(body, Encoding.UTF8, "application/json"), Ct);
            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(Ct));
        }
    }

    [Fact]
    public async Task Services_emitting_traces_produce_the_entry_the_service_and_the_database_edges()
    {
        using var traces = fixture.Traces.Client(Permissions.TracesWrite, Permissions.TracesRead);
        var startMs = Env.Clock.GetUtcNow().ToUnixTimeMilliseconds();
        await PostMinuteAsync(traces, "shop-", 0, dbMs: 8, requests: 3);

        // The database never answers with spans of its own: its edge appears once the peer wait (30 s) has passed.
        Env.Clock.Advance(TimeSpan.FromSeconds(31));
        var edges = await Eventually.ValueAsync(() =>
        {
            var graph = traces.GetFromJsonAsync<JsonElement>($"/api/v1/dependencies?start={startMs - 120_000}&end={startMs + 120_000}", Ct).GetAwaiter().GetResult();
            var found = graph.GetProperty("edges").EnumerateArray()
                .Where(e => e.GetProperty("to").GetString()!.StartsWith("shop-", StringComparison.Ordinal) || e.GetProperty("from").GetString()!.StartsWith("shop-", StringComparison.Ordinal))
                .Select(e => $"{e.GetProperty("from").GetString()} → {e.GetProperty("to").GetString()} ({e.GetProperty("toKind").GetString()}) {e.GetProperty("measures").GetProperty("calls").GetInt64()}")
                .ToList();
            return found.Count == 3 ? found : null;
        }, TimeSpan.FromSeconds(20), what: "three edges of the shop services");

        Assert.Equal(["shop-checkout → postgresql/orders (database) 3", "shop-frontend → shop-checkout (service) 3", "user → shop-frontend (service) 3"], edges);
        var jaeger = await traces.GetFromJsonAsync<JsonElement>($"/api/dependencies?endTs={startMs + 120_000}&lookback=240000", Ct);
        Assert.Contains(jaeger.GetProperty("data").EnumerateArray(), d => d.GetProperty("parent").GetString() == "shop-frontend" && d.GetProperty("callCount").GetInt64() == 3);
    }

    [Fact]
    public async Task A_slow_database_after_a_baseline_is_an_anomaly_and_an_incident_naming_it_as_the_root_cause()
    {
        using var alerts = fixture.Alerts.Client(Permissions.AlertsRead, Permissions.AlertsWrite);
        Assert.True((await alerts.PutYamlAsync("/api/v1/alerting/config", Routing)).IsSuccessStatusCode);
        await alerts.PutOneStepPolicyAsync("traces", "primary");
        using var traces = fixture.Traces.Client(Permissions.TracesWrite);

        // Four minutes at 5 ms, then a minute at 250 ms; each minute's bucket closes a minute after it ends.
        for (var minute = 0; minute < 5; minute++)
        {
            await PostMinuteAsync(traces, "", minute, dbMs: minute < 4 ? 5 : 250);
            Env.Clock.Advance(TimeSpan.FromMinutes(1));
        }
        var anomaly = await Eventually.ValueAsync(
            () => Env.Mesh.PubSub.Deliveries.FirstOrDefault(d =>
                d.Message.Topic == Topics.TracesAnomalyDetected && d.AppId == AppIds.AlertService
                && d.Message.Envelope.ToJsonString().Contains("\"to\":\"postgresql/orders\"", StringComparison.Ordinal)),
            TimeSpan.FromSeconds(30), clock: Env.Clock, step: TimeSpan.FromSeconds(20), what: "traces.anomaly-detected for checkout → postgresql/orders");
        Assert.Equal(AppIds.TraceService, anomaly.Message.PublisherAppId);
        var data = anomaly.Message.Envelope["data"]!;
        Assert.Equal(("checkout", "latency"), (data["from"]!.GetValue<string>(), data["kind"]!.GetValue<string>()));
        Assert.True(data["observed"]!.GetValue<double>() > 200, data.ToJsonString());
        Assert.NotEmpty(data["exemplarTraceIds"]!.AsArray());

        var rootCause = await Eventually.ValueAsync(() =>
        {
            var listed = alerts.GetStringAsync("/api/v1/incidents", Ct).GetAwaiter().GetResult();
            using var json = JsonDocument.Parse(listed);
            return json.RootElement.EnumerateArray()
                .Select(i => i.TryGetProperty("rootCause", out var r) && r.ValueKind == JsonValueKind.String ? r.GetString() : null)
                .FirstOrDefault(r => r?.StartsWith("postgresql/orders", StringComparison.Ordinal) == true);
        }, TimeSpan.FromSeconds(30), what: "an incident with postgresql/orders as its root cause");
        Assert.EndsWith("(dependencies from trace-service's graph)", rootCause, StringComparison.Ordinal);

        // The groups of the edges that slowed are correlated through the graph: one incident, and its page names the database.
        var mail = await Eventually.ValueAsync(() => Env.Smtp.Messages.FirstOrDefault(m =>
                m.To.Mailboxes.Any(a => a.Address == "primary@airis.local") && m.Subject?.Contains("TraceLatencyAnomaly", StringComparison.Ordinal) == true
                && (m.HtmlBody ?? "").Contains("postgresql/orders", StringComparison.Ordinal)),
            TimeSpan.FromSeconds(30), what: "the database's page by email");
        Assert.Contains("checkout → postgresql/orders", mail.HtmlBody, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await alerts.GetAsync("/api/v1/incidents", Ct)).StatusCode);
    }
}
