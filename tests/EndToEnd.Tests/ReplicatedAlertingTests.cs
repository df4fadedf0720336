using System.Net;
using AirisEpm.DaprTestSidecar.Harness;
using AirisEpm.ServiceDefaults.Security;

namespace AirisEpm.EndToEnd.Tests;

/// <summary>
/// Two alert-service replicas behave as one Alertmanager: a silence created on one mutes an alert
/// posted to the other, both list the same alerts and the same notification log, and the group is
/// paged once.
/// </summary>
public sealed class ReplicatedAlertingTests(ReplicatedAlertServiceFixture replicas) : IClassFixture<ReplicatedAlertServiceFixture>
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
              - to: dba@airis.local
        """;

    [Fact]
    public async Task A_silence_made_on_one_replica_mutes_an_alert_posted_to_the_other_and_the_group_pages_once()
    {
        var first = replicas.First.Client(Permissions.AlertsRead, Permissions.AlertsWrite);
        var second = replicas.Second.Client(Permissions.AlertsRead, Permissions.AlertsWrite);
        Assert.True((await first.PutYamlAsync("/api/v1/alerting/config", Routing)).IsSuccessStatusCode); // the engine applies it at once, wherever it runs

        var silence = await (await first.PostJsonAsync("/api/v2/silences", new
        {
            matchers = new[] { new { name = "service", value = "db", isRegex = false, isEqual = true } },
            startsAt = DateTimeOffset.UtcNow,
            endsAt = DateTimeOffset.UtcNow.AddHours(1),
            createdBy = "e2e",
            comment = "planned maintenance",
        })).JsonAsync();
        var posted = await second.PostJsonAsync("/api/v2/alerts", new[]
        {
            new { labels = new Dictionary<string, string> { ["alertname"] = "DiskFull", ["service"] = "db" } },
            new { labels = new Dictionary<string, string> { ["alertname"] = "DiskFull", ["service"] = "web" } },
        });
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);

        var mail = await Eventually.ValueAsync(() => replicas.Environment.Smtp.Messages is [var first, ..] ? first : null, TimeSpan.FromSeconds(20), what: "the page");
        var listed = (await (await first.GetAsync("/api/v2/alerts", Http.Ct)).JsonAsync()).EnumerateArray()
            .ToDictionary(a => a.GetProperty("labels").GetProperty("service").GetString()!, a => a.GetProperty("status"));

        Assert.Contains("[FIRING:1] DiskFull", mail.Subject, StringComparison.Ordinal); // the silenced db alert is not in it
        Assert.Contains("web", mail.HtmlBody, StringComparison.Ordinal);
        Assert.Equal(("suppressed", "active"), (listed["db"].GetProperty("state").GetString(), listed["web"].GetProperty("state").GetString()));
        Assert.Equal(silence.GetProperty("silenceID").GetString(), listed["db"].GetProperty("silencedBy")[0].GetString());
        Assert.Single(replicas.Environment.Smtp.Messages);
        foreach (var replica in new[] { first, second })
        {
            // The record is written just after the binding call that delivered the email returns.
            await Eventually.TrueAsync(() => Notifications(replica).GetArrayLength() > 0, what: "the notification in the shared log");
            var logged = Assert.Single(Notifications(replica).EnumerateArray());
            Assert.Equal(("oncall", "sent"), (logged.GetProperty("receiver").GetString(), logged.GetProperty("outcome").GetString()));
        }
    }

    private static System.Text.Json.JsonElement Notifications(HttpClient replica) =>
        replica.GetAsync("/api/v1/notifications", Http.Ct).GetAwaiter().GetResult().JsonAsync().GetAwaiter().GetResult();
}
