using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AirisEpm.DaprTestSidecar.Harness;
using AirisEpm.DaprTestSidecar.Hosting;
using AirisEpm.ServiceDefaults.Dapr;
using AirisEpm.ServiceDefaults.Security;
using AirisEpm.TestSupport;

namespace AirisEpm.EndToEnd.Tests.Durability;

/// <summary>
/// People's decisions survive a kill -9 sent right after their answer: alert-service runs as a real
/// process beside a test sidecar; a configuration, an acknowledgement and a silence are answered 2xx,
/// the process is killed at once, and a restart on the same sidecar finds all three: the acknowledged
/// incident escalates no further and the silenced alert (re-sent, as Prometheus re-sends) pages nobody.
/// </summary>
public sealed class AlertKillNineTests
{
    private const string Routing = """
        route:
          receiver: team
          group_by: [alertname]
          group_wait: 1s
          group_interval: 1h
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
            email_configs:
              - to: secondary@airis.local
        # kill-nine marker
        """;

    private static readonly string[] ReadWrite = [Permissions.AlertsRead, Permissions.AlertsWrite];

    [Fact]
    public async Task A_config_an_ack_and_a_silence_answered_just_before_a_kill_nine_are_all_there_after_the_restart()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var env = await DaprTestEnvironment.StartAsync();
        var sidecar = await env.Mesh.StartSidecarAsync(AppIds.AlertService, new SidecarOptions
        {
            DaprApiToken = "dapr-" + Guid.NewGuid().ToString("N"),
            AppApiToken = "app-" + Guid.NewGuid().ToString("N"),
        });
        var port = FreePort.Next();
        string incidentId;
        string silenceId;
        using (var first = await AlertServiceProcess.StartAsync(sidecar, port, ct))
        {
            await sidecar.ConnectAppAsync(first.BaseUrl, ct);
            using var alerts = new HttpClient { BaseAddress = first.BaseUrl }.WithToken(ReadWrite);
            await Eventually.TrueAsync(() => Healthy(alerts), TimeSpan.FromSeconds(30), what: "the engine actor to restore");

            Assert.Equal(HttpStatusCode.OK, (await alerts.PutYamlAsync("/api/v1/alerting/config", Routing)).StatusCode);
            var policy = await alerts.PutAsJsonAsync("/api/v1/escalation-policies/critical", new
            {
                name = "critical",
                steps = new object[]
                {
                    new { after = "00:00:00", receivers = new[] { "primary" } },
                    new { after = "00:15:00", receivers = new[] { "secondary" } },
                },
            }, ct);
            Assert.True(policy.IsSuccessStatusCode, await policy.Content.ReadAsStringAsync(ct));
            await alerts.PostJsonAsync("/api/v2/alerts", new[] { Labels(("alertname", "CheckoutDown"), ("severity", "critical")) });
            await Eventually.TrueAsync(() => EmailsTo(env, "primary@airis.local") == 1, TimeSpan.FromSeconds(30), what: "step 1 paged");
            incidentId = await Eventually.ValueAsync(() => IncidentId(alerts), TimeSpan.FromSeconds(20), what: "the incident listed");

            // The three decisions, each answered 2xx, then the kill with no pause after the last answer.
            var configChanged = await alerts.PutYamlAsync("/api/v1/alerting/config", Routing.Replace("kill-nine marker", "kill-nine marker v2"));
            Assert.Equal(HttpStatusCode.OK, configChanged.StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await alerts.PostAsync($"/api/v1/incidents/{incidentId}/ack", null, ct)).StatusCode);
            var silence = await alerts.PostJsonAsync("/api/v2/silences", new
            {
                matchers = new[] { new { name = "alertname", value = "NoisyDisk", isRegex = false, isEqual = true } },
                startsAt = DateTimeOffset.UtcNow,
                endsAt = DateTimeOffset.UtcNow.AddHours(1),
                createdBy = "kill-nine",
                comment = "maintenance",
            });
            silenceId = (await silence.JsonAsync()).GetProperty("silenceID").GetString()!;
            first.KillHard();
        }

        using var restarted = await AlertServiceProcess.StartAsync(sidecar, port, ct);
        using var client = new HttpClient { BaseAddress = restarted.BaseUrl }.WithToken(ReadWrite);
        await Eventually.TrueAsync(() => Healthy(client), TimeSpan.FromSeconds(30), what: "the restarted engine to restore");

        Assert.Contains("kill-nine marker v2", await client.GetStringAsync("/api/v1/alerting/config", ct));
        var restoredSilence = await (await client.GetAsync($"/api/v2/silence/{silenceId}", ct)).JsonAsync();
        Assert.Equal("active", restoredSilence.GetProperty("status").GetProperty("state").GetString());
        var incident = await (await client.GetAsync($"/api/v1/incidents/{incidentId}", ct)).JsonAsync();
        Assert.Equal("acknowledged", incident.GetProperty("status").GetString());

        // Prometheus re-sends what fires: the silenced alert and a canary in a group of its own.
        await client.PostJsonAsync("/api/v2/alerts", new[] { Labels(("alertname", "NoisyDisk")), Labels(("alertname", "Canary")) });
        await Eventually.TrueAsync(() => env.Smtp.Messages.Any(m => m.Subject?.Contains("Canary") == true), TimeSpan.FromSeconds(30), what: "the canary paged");
        Assert.DoesNotContain(env.Smtp.Messages, m => m.Subject?.Contains("NoisyDisk") == true);

        // Past step 2's delay: the acknowledged incident pages nobody else.
        env.Clock.Advance(TimeSpan.FromMinutes(20));
        await Task.Delay(TimeSpan.FromSeconds(1), ct); // a reminder that fired would have reached the app by now
        Assert.Equal(0, EmailsTo(env, "secondary@airis.local"));
        Assert.Equal(1, EmailsTo(env, "primary@airis.local"));
    }

    private static object Labels(params (string Name, string Value)[] labels) => new { labels = labels.ToDictionary(l => l.Name, l => l.Value) };

    private static int EmailsTo(DaprTestEnvironment env, string address) =>
        env.Smtp.Messages.Count(m => m.To.Mailboxes.Any(a => a.Address == address));

    private static bool Healthy(HttpClient client)
    {
        try
        {
            using var response = client.GetAsync("/health").GetAwaiter().GetResult();
            return response.StatusCode == HttpStatusCode.OK && response.Content.ReadAsStringAsync().GetAwaiter().GetResult().Contains("\"Healthy\"", StringComparison.OrdinalIgnoreCase);
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    private static string? IncidentId(HttpClient client)
    {
        using var json = JsonDocument.Parse(client.GetStringAsync("/api/v1/incidents").GetAwaiter().GetResult());
        return json.RootElement.GetArrayLength() == 1 ? json.RootElement[0].GetProperty("id").GetString() : null;
    }
}
