using System.Net;
using System.Net.Http.Json;
using AirisEpm.DaprTestSidecar.Harness;
using AirisEpm.ServiceDefaults.Security;

namespace AirisEpm.EndToEnd.Tests;

/// <summary>
/// A critical alert becomes an incident under an escalation policy: the first step is paged at
/// once by email, the second by SMS when the sidecar's clock passes its delay, and an
/// acknowledgement stops the third. A silenced alert pages nobody.
/// </summary>
public sealed class EscalationTests(PlatformFixture platform) : IClassFixture<PlatformFixture>
{
    private const string Routing = """
        route:
          receiver: team
          group_by: [alertname, service]
          group_wait: 1s
          group_interval: 1m
          routes:
            - receiver: team
              matchers: ['severity="critical"']
              escalation_policy: critical
        receivers:
          - name: team
            email_configs:
              - to: team@airis.local
          - name: primary
            email_configs:
              - to: primary@airis.local
          - name: secondary
            sms_configs:
              - to: '+15005550006'
          - name: manager
            slack_configs:
              - channel: '#incidents'
        """;

    private DaprTestEnvironment Env => platform.Environment;

    private async Task<HttpClient> ConfiguredAsync()
    {
        var alerts = platform.Alerts.Client(Permissions.AlertsRead, Permissions.AlertsWrite);
        var configured = await alerts.PutYamlAsync("/api/v1/alerting/config", Routing);
        Assert.True(configured.IsSuccessStatusCode, await configured.Content.ReadAsStringAsync(Http.Ct));
        var policy = await alerts.PutAsJsonAsync("/api/v1/escalation-policies/critical", new
        {
            name = "critical",
            steps = new object[]
            {
                new { after = "00:00:00", receivers = new[] { "primary" } },
                new { after = "00:15:00", receivers = new[] { "secondary" } },
                new { after = "00:30:00", receivers = new[] { "manager" } },
            },
        });
        Assert.True(policy.IsSuccessStatusCode, await policy.Content.ReadAsStringAsync(Http.Ct));
        return alerts;
    }

    [Fact]
    public async Task Unacknowledged_incident_escalates_on_the_clock_and_an_ack_stops_it()
    {
        var alerts = await ConfiguredAsync();
        var posted = await alerts.PostJsonAsync("/api/v2/alerts", new[]
        {
            new { labels = new Dictionary<string, string> { ["alertname"] = "CheckoutDown", ["service"] = "checkout", ["severity"] = "critical" } },
        });
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);

        var first = await Eventually.ValueAsync(
            () => Env.Smtp.Messages.FirstOrDefault(m => m.To.Mailboxes.Any(a => a.Address == "primary@airis.local")),
            TimeSpan.FromSeconds(20), what: "step 1: primary paged by email");
        Assert.Contains("CheckoutDown", first.Subject);
        Assert.DoesNotContain(Env.Receiver.Requests, r => r.Path.StartsWith("/twilio", StringComparison.Ordinal));

        // The actor pages, then records the incident: poll for it.
        var incidentId = await Eventually.ValueAsync(() =>
        {
            var listed = alerts.GetStringAsync("/api/v1/incidents", Http.Ct).GetAwaiter().GetResult();
            using var json = System.Text.Json.JsonDocument.Parse(listed);
            return json.RootElement.GetArrayLength() == 1 ? json.RootElement[0].GetProperty("id").GetString() : null;
        }, what: "the incident to be listed");

        // The sidecar's clock decides when the reminder fires: 15 minutes later, step 2 goes out by SMS.
        await Eventually.TrueAsync(() => Env.Receiver.Requests.Any(r => r.Path.StartsWith("/twilio", StringComparison.Ordinal)),
            clock: Env.Clock, step: TimeSpan.FromMinutes(1), timeout: TimeSpan.FromSeconds(20), what: "step 2: SMS after 15 minutes");
        var sms = Env.Receiver.Requests.First(r => r.Path.StartsWith("/twilio", StringComparison.Ordinal));
        Assert.Contains("CheckoutDown", Uri.UnescapeDataString(sms.Body));

        var ack = await alerts.PostAsync($"/api/v1/incidents/{incidentId}/ack", null, Http.Ct);
        var acknowledged = await ack.JsonAsync();
        Assert.Equal("acknowledged", acknowledged.GetProperty("status").GetString());

        // Well past step 3's delay: nothing more is sent to Slack.
        Env.Clock.Advance(TimeSpan.FromMinutes(40));
        await Env.Mesh.PubSub.IdleAsync();
        var incident = await (await alerts.GetAsync($"/api/v1/incidents/{incidentId}", Http.Ct)).JsonAsync();
        Assert.Empty(Env.Receiver.To("/slack"));
        Assert.Contains(incident.GetProperty("timeline").EnumerateArray(), t => t.GetProperty("kind").GetString() == "acknowledged");
        Assert.DoesNotContain(incident.GetProperty("timeline").EnumerateArray(), t => t.GetProperty("detail").GetString()!.Contains("manager"));
    }

    [Fact]
    public async Task A_silenced_alert_pages_nobody()
    {
        var alerts = await ConfiguredAsync();
        var silence = await alerts.PostJsonAsync("/api/v2/silences", new
        {
            matchers = new[] { new { name = "alertname", value = "NoisyDisk", isRegex = false, isEqual = true } },
            startsAt = DateTimeOffset.UtcNow,
            endsAt = DateTimeOffset.UtcNow.AddHours(1),
            createdBy = "e2e",
            comment = "planned maintenance",
        });
        Assert.Equal(HttpStatusCode.OK, silence.StatusCode);

        await alerts.PostJsonAsync("/api/v2/alerts", new[]
        {
            new { labels = new Dictionary<string, string> { ["alertname"] = "NoisyDisk", ["service"] = "db" } },
            new { labels = new Dictionary<string, string> { ["alertname"] = "Canary", ["service"] = "db" } },
        });

        // The canary shares the dispatcher's cadence: once it is paged, the silenced group had its chance too.
        await Eventually.TrueAsync(() => Env.Smtp.Messages.Any(m => m.Subject?.Contains("Canary") == true), TimeSpan.FromSeconds(20), what: "the canary page");
        Assert.DoesNotContain(Env.Smtp.Messages, m => m.Subject?.Contains("NoisyDisk") == true);
        var listed = await (await alerts.GetAsync("/api/v2/alerts?filter=alertname%3D%22NoisyDisk%22", Http.Ct)).JsonAsync();
        Assert.Equal("suppressed", listed[0].GetProperty("status").GetProperty("state").GetString());
    }
}
