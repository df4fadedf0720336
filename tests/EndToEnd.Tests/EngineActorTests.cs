using System.Net;
using AirisEpm.DaprTestSidecar.Actors;
using AirisEpm.DaprTestSidecar.Harness;
using AirisEpm.ServiceDefaults.Security;

namespace AirisEpm.EndToEnd.Tests;

/// <summary>
/// The alert engine lives in one Dapr actor: every API call reaches it through the sidecar, and
/// when placement deactivates it (a replica leaving), its state is saved and the next activation
/// takes it over from the state store.
/// </summary>
public sealed class EngineActorTests(PlatformFixture platform) : IClassFixture<PlatformFixture>
{
    private static readonly ActorKey Engine = new("AlertEngineActor", "primary");

    [Fact]
    public async Task Alerts_and_silences_survive_the_engine_actor_moving_to_a_new_activation()
    {
        var alerts = platform.Alerts.Client(Permissions.AlertsRead, Permissions.AlertsWrite);
        var posted = await alerts.PostJsonAsync("/api/v2/alerts", new[]
        {
            new { labels = new Dictionary<string, string> { ["alertname"] = "DiskFull", ["service"] = "db" } },
        });
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        var silence = await (await alerts.PostJsonAsync("/api/v2/silences", new
        {
            matchers = new[] { new { name = "service", value = "db", isRegex = false, isEqual = true } },
            startsAt = DateTimeOffset.UtcNow,
            endsAt = DateTimeOffset.UtcNow.AddHours(1),
            createdBy = "e2e",
            comment = "maintenance",
        })).JsonAsync();
        Assert.Contains(Engine, platform.Environment.Mesh.Actors.Active);

        await platform.Environment.Mesh.Actors.DeactivateAsync(Engine, Http.Ct);
        Assert.DoesNotContain(Engine, platform.Environment.Mesh.Actors.Active);

        var listed = await (await alerts.GetAsync("/api/v2/alerts", Http.Ct)).JsonAsync();
        var alert = Assert.Single(listed.EnumerateArray());
        Assert.Equal("DiskFull", alert.GetProperty("labels").GetProperty("alertname").GetString());
        Assert.Equal("suppressed", alert.GetProperty("status").GetProperty("state").GetString());
        Assert.Equal(silence.GetProperty("silenceID").GetString(), alert.GetProperty("status").GetProperty("silencedBy")[0].GetString());
        Assert.Contains(Engine, platform.Environment.Mesh.Actors.Active);
    }
}
