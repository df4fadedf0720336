using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using AirisEpm.DaprTestSidecar.Harness;
using AirisEpm.ServiceDefaults.Security;
using MimeKit;

namespace AirisEpm.EndToEnd.Tests;

/// <summary>
/// Correlated alert groups page once, through the real trace-service and alert-service beside test sidecars, with
/// email over SMTP: spans make trace-service's graph (frontend → checkout → postgresql/orders); checkout and the
/// database then fire as two groups under one escalation policy and become one incident with one page naming both
/// groups and the database as the root cause; frontend firing later joins that incident's timeline without a page;
/// search, which no edge connects, pages on its own; and the incident resolves with the last of its groups.
/// </summary>
public sealed class CorrelatedIncidentTests(TraceGraphFixture fixture) : IClassFixture<TraceGraphFixture>
{
    private const string Routing = """
        route:
          receiver: team
          group_by: [alertname, service]
          group_wait: 1s
          group_interval: 2s
          routes:
            - receiver: team
              matchers: ['severity="page"']
              escalation_policy: correlated
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

    [Fact]
    public async Task Correlated_groups_page_once_a_later_one_joins_the_timeline_and_an_unrelated_one_pages_alone()
    {
        using var alerts = fixture.Alerts.Client(Permissions.AlertsRead, Permissions.AlertsWrite);
        Assert.True((await alerts.PutYamlAsync("/api/v1/alerting/config", Routing)).IsSuccessStatusCode);
        await alerts.PutOneStepPolicyAsync("correlated", "primary");
        await TraceTheShopAsync();

        await PostAsync(Firing("CheckoutErrors", "checkout"), Firing("OrdersSlow", "postgresql/orders"));

        var page = await Eventually.ValueAsync(() => Pages() is [var only] ? only : null, TimeSpan.FromSeconds(30), what: "the incident's page");
        var body = page.HtmlBody ?? "";
        Assert.Contains("+ 1 correlated group", page.Subject, StringComparison.Ordinal);
        Assert.Contains("CheckoutErrors (checkout)", body, StringComparison.Ordinal);
        Assert.Contains("OrdersSlow (postgresql/orders)", body, StringComparison.Ordinal);
        Assert.Contains("Suggested root cause: postgresql/orders: postgresql/orders has no failing dependency", body, StringComparison.Ordinal);
        // The actor pages, then records the incident: poll for it.
        var incidentId = await Eventually.ValueAsync(() => OpenIncidents(alerts) is [var only] ? only.GetProperty("id").GetString() : null,
            TimeSpan.FromSeconds(20), what: "the incident listed");
        var opened = await (await alerts.GetAsync($"/api/v1/incidents/{incidentId}", Ct)).JsonAsync();
        Assert.Equal(2, opened.GetProperty("groups").GetArrayLength());
        Assert.EndsWith("(dependencies from trace-service's graph)", opened.GetProperty("rootCause").GetString(), StringComparison.Ordinal);

        // Later, within the window: frontend calls checkout, so its group joins the incident, and nobody is paged for it.
        await PostAsync(Firing("FrontendErrors", "frontend"));
        await Eventually.TrueAsync(() => TimelineKinds(alerts, incidentId).Contains("group-joined"), TimeSpan.FromSeconds(30), what: "frontend's group joining the incident");
        var joined = await (await alerts.GetAsync($"/api/v1/incidents/{incidentId}", Ct)).JsonAsync();
        var entry = joined.GetProperty("timeline").EnumerateArray().Single(t => t.GetProperty("kind").GetString() == "group-joined");
        Assert.Equal("group FrontendErrors (frontend) joined", entry.GetProperty("detail").GetString());
        Assert.Equal(3, joined.GetProperty("groups").GetArrayLength());

        // search has no edge to any of them: its own incident and its own page. Once it is paged, every earlier
        // notification was handled, so the count of pages is final.
        await PostAsync(Firing("SearchDown", "search"));
        var searchPage = await Eventually.ValueAsync(() => Pages().FirstOrDefault(m => m.Subject?.Contains("SearchDown", StringComparison.Ordinal) == true),
            TimeSpan.FromSeconds(30), what: "the unrelated group's own page");
        Assert.DoesNotContain("correlated group", searchPage.Subject, StringComparison.Ordinal);
        Assert.DoesNotContain("checkout", searchPage.HtmlBody ?? "", StringComparison.Ordinal);
        Assert.Equal(2, Pages().Count);
        await Eventually.TrueAsync(() => OpenIncidents(alerts).Count == 2, TimeSpan.FromSeconds(20), what: "the unrelated group's incident listed");
        Assert.DoesNotContain(Env.Smtp.Messages, m => m.To.Mailboxes.Any(a => a.Address == "team@airis.local"));

        // Two of the three groups resolve: the incident stays open; with the third it resolves.
        await PostAsync(Resolved("CheckoutErrors", "checkout"), Resolved("OrdersSlow", "postgresql/orders"));
        await Eventually.TrueAsync(() => TimelineKinds(alerts, incidentId).Count(k => k == "group-resolved") == 2, TimeSpan.FromSeconds(30),
            what: "two groups resolved in the incident's timeline");
        Assert.Equal("triggered", (await (await alerts.GetAsync($"/api/v1/incidents/{incidentId}", Ct)).JsonAsync()).GetProperty("status").GetString());
        await PostAsync(Resolved("FrontendErrors", "frontend"));
        await Eventually.TrueAsync(() => TimelineKinds(alerts, incidentId).Contains("resolved"), TimeSpan.FromSeconds(30), what: "the incident resolved with its last group");
        Assert.Equal(2, Pages().Count);
    }

    /// <summary>A minute of shop traffic, then the peer wait, until trace-service's graph has the database edge.</summary>
    private async Task TraceTheShopAsync()
    {
        using var traces = fixture.Traces.Client(Permissions.TracesWrite, Permissions.TracesRead);
        var nowNs = (Env.Clock.GetUtcNow() - DateTimeOffset.UnixEpoch).Ticks * 100;
        var (frontend, checkout) = OtlpTraffic.Requests("", 90_001, 5, nowNs, 8);
        foreach (var body in new[] { checkout, frontend })
        {
            var response = await traces.PostAsync("/v1/traces", new StringContent(body, Encoding.UTF8, "application/json"), Ct);
            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(Ct));
        }

        Env.Clock.Advance(TimeSpan.FromSeconds(31));
        var startMs = Env.Clock.GetUtcNow().ToUnixTimeMilliseconds();
        await Eventually.TrueAsync(() =>
        {
            var graph = traces.GetFromJsonAsync<JsonElement>($"/api/v1/dependencies?start={startMs - 600_000}&end={startMs + 120_000}", Ct).GetAwaiter().GetResult();
            return graph.GetProperty("edges").EnumerateArray().Any(e => e.GetProperty("from").GetString() == "checkout" && e.GetProperty("to").GetString() == "postgresql/orders");
        }, TimeSpan.FromSeconds(20), what: "checkout → postgresql/orders in trace-service's graph");
    }

    private List<MimeMessage> Pages() => [.. Env.Smtp.Messages.Where(m => m.To.Mailboxes.Any(a => a.Address == "primary@airis.local"))];

    private static object Firing(string alertname, string service) =>
        new { labels = new Dictionary<string, string> { ["alertname"] = alertname, ["service"] = service, ["severity"] = "page" } };

    private static object Resolved(string alertname, string service) =>
        new { labels = new Dictionary<string, string> { ["alertname"] = alertname, ["service"] = service, ["severity"] = "page" }, endsAt = DateTimeOffset.UtcNow.AddSeconds(-1) };

    private async Task PostAsync(params object[] posted)
    {
        using var alerts = fixture.Alerts.Client(Permissions.AlertsWrite);
        var response = await alerts.PostJsonAsync("/api/v2/alerts", posted);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(Ct));
    }

    private static List<JsonElement> OpenIncidents(HttpClient alerts) =>
        [.. alerts.GetFromJsonAsync<JsonElement>("/api/v1/incidents?status=triggered", Ct).GetAwaiter().GetResult().EnumerateArray()];

    private static List<string> TimelineKinds(HttpClient alerts, string incidentId) =>
        [.. alerts.GetFromJsonAsync<JsonElement>($"/api/v1/incidents/{incidentId}", Ct).GetAwaiter().GetResult()
            .GetProperty("timeline").EnumerateArray().Select(t => t.GetProperty("kind").GetString()!)];
}
