extern alias alert;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using AirisEpm.DaprTestSidecar.Harness;
using AirisEpm.ServiceDefaults.Dapr;
using AirisEpm.ServiceDefaults.Security;

namespace AirisEpm.EndToEnd.Tests;

/// <summary>
/// A correlated group still in its group_wait when the incident opens is named in it at once: checkout's group (group_wait
/// 1 s) opens the incident while orders' (its upstream, same policy, group_wait 8 s) still waits. The incident lists both
/// groups and a "group-waiting" entry from the start, the one page names orders as in group_wait, and when orders flushes
/// it joins ("group-joined") without a second page.
/// </summary>
public sealed class WaitingGroupIncidentTests
{
    private const string Routing = """
        route:
          receiver: team
          group_by: [alertname, service]
          group_wait: 1s
          group_interval: 1m
          routes:
            - receiver: team
              matchers: ['severity="page"', 'service="checkout"']
              escalation_policy: correlated
            - receiver: team
              matchers: ['severity="page"']
              escalation_policy: correlated
              group_wait: 8s
        receivers:
          - name: team
            email_configs:
              - to: team@airis.local
          - name: primary
            email_configs:
              - to: primary@airis.local
        """;

    [Fact]
    public async Task A_correlated_group_in_group_wait_is_named_in_the_incident_at_once_and_joins_when_it_flushes()
    {
        await using var env = await DaprTestEnvironment.StartAsync();
        var app = await env.StartServiceAsync<alert::Program>(AppIds.AlertService, new Dictionary<string, string?> { ["Alerting:TickInterval"] = "00:00:00.050" });
        using var alerts = app.Client(Permissions.AlertsRead, Permissions.AlertsWrite);
        Assert.True((await alerts.PutYamlAsync("/api/v1/alerting/config", Routing)).IsSuccessStatusCode);
        await alerts.PutOneStepPolicyAsync("correlated", "primary");

        var clock = Stopwatch.StartNew();
        var posted = await alerts.PostJsonAsync("/api/v2/alerts", new[]
        {
            Firing("CheckoutErrors", "checkout", upstream: "orders"),
            Firing("OrdersSlow", "orders"),
        });
        Assert.True(posted.IsSuccessStatusCode, await posted.Content.ReadAsStringAsync(Http.Ct));

        var incidentId = await Eventually.ValueAsync(() => Listed(alerts) is [var only] ? only.GetProperty("id").GetString() : null,
            TimeSpan.FromSeconds(20), what: "the incident listed");
        var opened = Get(alerts, incidentId);
        var seenAt = clock.Elapsed;
        Assert.True(seenAt < TimeSpan.FromSeconds(7), $"the incident was only seen after {seenAt}: orders' group_wait may have ended, so this proves nothing");
        Assert.Equal(["CheckoutErrors (checkout)", "OrdersSlow (orders)"], Groups(opened).Select(g => g.GetProperty("name").GetString()));
        Assert.True(Groups(opened)[1].GetProperty("waiting").GetBoolean());
        var waiting = Timeline(opened).Single(t => t.Kind == "group-waiting");
        Assert.Equal("group OrdersSlow (orders) correlated while in its group_wait; it joins when it notifies", waiting.Detail);
        Assert.DoesNotContain(Timeline(opened), t => t.Kind == "group-joined");

        var page = await Eventually.ValueAsync(() => Pages(env) is [var only] ? only : null, TimeSpan.FromSeconds(20), what: "the incident's page");
        Assert.Contains("OrdersSlow (orders) (in group_wait)", page.HtmlBody ?? "", StringComparison.Ordinal);

        await Eventually.TrueAsync(() => Timeline(Get(alerts, incidentId)).Any(t => t.Kind == "group-joined"), TimeSpan.FromSeconds(30),
            what: "orders' group joining when it flushed");
        var joined = Get(alerts, incidentId);
        Assert.Equal("group OrdersSlow (orders) joined", Timeline(joined).Single(t => t.Kind == "group-joined").Detail);
        Assert.False(Groups(joined)[1].GetProperty("waiting").GetBoolean());
        Assert.Single(Pages(env));
        Assert.DoesNotContain(env.Smtp.Messages, m => m.To.Mailboxes.Any(a => a.Address == "team@airis.local"));
    }

    private static object Firing(string alertname, string service, string? upstream = null)
    {
        var labels = new Dictionary<string, string> { ["alertname"] = alertname, ["service"] = service, ["severity"] = "page" };
        if (upstream is not null) labels["upstream"] = upstream;
        return new { labels };
    }

    private static List<MimeKit.MimeMessage> Pages(DaprTestEnvironment env) =>
        [.. env.Smtp.Messages.Where(m => m.To.Mailboxes.Any(a => a.Address == "primary@airis.local"))];

    private static List<JsonElement> Listed(HttpClient alerts) =>
        [.. alerts.GetFromJsonAsync<JsonElement>("/api/v1/incidents", Http.Ct).GetAwaiter().GetResult().EnumerateArray()];

    private static JsonElement Get(HttpClient alerts, string incidentId) =>
        alerts.GetFromJsonAsync<JsonElement>($"/api/v1/incidents/{incidentId}", Http.Ct).GetAwaiter().GetResult();

    private static List<JsonElement> Groups(JsonElement incident) => [.. incident.GetProperty("groups").EnumerateArray()];

    private static List<(string Kind, string Detail)> Timeline(JsonElement incident) =>
        [.. incident.GetProperty("timeline").EnumerateArray().Select(t => (t.GetProperty("kind").GetString()!, t.GetProperty("detail").GetString()!))];
}
