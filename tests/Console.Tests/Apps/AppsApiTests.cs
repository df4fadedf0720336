using System.Net;
using System.Text.Json;
using AirisEpm.Console.Tests.Support;
using AirisEpm.TestSupport;

namespace AirisEpm.Console.Tests.Apps;

public sealed class AppsApiTests(ConsoleWorld world) : IClassFixture<ConsoleWorld>
{
    [Fact]
    public async Task Apps_lists_the_five_apps_with_their_health_and_their_sidecars()
    {
        var (_, client) = await world.UserAsync("viewer");
        using (client)
        {
            using var response = await client.GetAsync("/api/apps");

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var apps = (await ConsoleClient.JsonAsync(response)).EnumerateArray().ToDictionary(a => a.GetProperty("appId").GetString()!);
            Assert.Equal(["alert-service", "console", "log-service", "metrics-service", "trace-service"], apps.Keys.Order());
            Assert.Equal("Healthy", apps["metrics-service"].GetProperty("health").GetString());
            Assert.Equal("Healthy", apps["metrics-service"].GetProperty("sidecar").GetString());
            Assert.Equal("Degraded", apps["alert-service"].GetProperty("health").GetString());
            Assert.Contains("store is Degraded", apps["alert-service"].GetProperty("detail").GetString(), StringComparison.Ordinal);
            Assert.Equal("Unreachable", apps["log-service"].GetProperty("health").GetString());
            Assert.Contains("ERR_DIRECT_INVOKE", apps["log-service"].GetProperty("detail").GetString(), StringComparison.Ordinal);
            Assert.Equal("Healthy", apps["console"].GetProperty("sidecar").GetString());
        }
    }

    [Fact]
    public async Task Dapr_is_for_admins()
    {
        var (_, client) = await world.UserAsync("editor");
        using (client)
        {
            using var response = await client.GetAsync("/api/dapr");
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }
    }

    [Fact]
    public async Task Dapr_shows_the_consoles_own_sidecar_and_says_why_others_are_missing()
    {
        using var client = await world.AdminAsync();
        using var response = await client.GetAsync("/api/dapr");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var entries = (await ConsoleClient.JsonAsync(response)).EnumerateArray().ToDictionary(a => a.GetProperty("appId").GetString()!);
        Assert.Equal(5, entries.Count);
        var console = entries["console"].GetProperty("metadata");
        Assert.Equal("console", console.GetProperty("id").GetString());
        var components = console.GetProperty("components").EnumerateArray().Select(c => c.GetProperty("name").GetString()).ToList();
        Assert.Contains("statestore", components);
        Assert.Contains("secretstore", components);
        Assert.DoesNotContain("pubsub", components);
        Assert.Equal(JsonValueKind.Null, entries["console"].GetProperty("error").ValueKind);
        Assert.Equal(JsonValueKind.Null, entries["log-service"].GetProperty("metadata").ValueKind);
        Assert.Contains("ERR_DIRECT_INVOKE", entries["log-service"].GetProperty("error").GetString(), StringComparison.Ordinal);
    }
}
