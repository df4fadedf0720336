using System.Globalization;
using System.Net;
using System.Text.Json;
using AirisEpm.TestSupport;

namespace AirisEpm.EndToEnd.Tests.Console;

/// <summary>
/// A person at the console, which reaches the real services only through its sidecar: the admin signs in, writes
/// samples and runs a PromQL query through <c>/api/metrics/...</c>; a viewer is refused a silence by alert-service itself
/// (the token the console signs carries only the viewer's permissions); the Dapr screen lists each sidecar's components.
/// </summary>
public sealed class ConsoleThroughDaprTests(ConsoleFixture fixture) : IClassFixture<ConsoleFixture>
{
    [Fact]
    public async Task The_admin_queries_metrics_a_viewer_cannot_silence_and_dapr_lists_the_components()
    {
        using var admin = new ConsoleClient(fixture.Console.BaseUrl);
        using (var login = await admin.LoginAsync("admin", ConsoleFixture.AdminPassword))
        {
            Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        }

        var metric = "e2e_console_" + Guid.NewGuid().ToString("N")[..8];
        var now = DateTimeOffset.UtcNow;
        using (var ingested = await admin.PostJsonAsync("/api/metrics/api/v1/metrics", new
        {
            metrics = new[] { new { name = metric, value = 42.5, timestamp = now.AddSeconds(-5).ToUnixTimeMilliseconds(), labels = new Dictionary<string, string> { ["job"] = "checkout" } } },
        }))
        {
            Assert.True(ingested.IsSuccessStatusCode, await ingested.Content.ReadAsStringAsync(Http.Ct));
        }

        var time = now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        using (var query = await admin.GetAsync($"/api/metrics/api/v1/query?query=sum%20by%20(job)%20({metric})&time={time}"))
        {
            Assert.Equal(HttpStatusCode.OK, query.StatusCode);
            var data = (await ConsoleClient.JsonAsync(query)).GetProperty("data");
            Assert.Equal("vector", data.GetProperty("resultType").GetString());
            var sample = Assert.Single(data.GetProperty("result").EnumerateArray());
            Assert.Equal("checkout", sample.GetProperty("metric").GetProperty("job").GetString());
            Assert.Equal("42.5", sample.GetProperty("value")[1].GetString());
        }

        using (var created = await admin.PostJsonAsync("/api/users", new { name = "vera", role = "viewer", password = "vera-long-password" }))
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        using var viewer = new ConsoleClient(fixture.Console.BaseUrl);
        using (var login = await viewer.LoginAsync("vera", "vera-long-password"))
        {
            Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        }

        var silence = new
        {
            matchers = new[] { new { name = "alertname", value = "E2eConsole", isRegex = false, isEqual = true } },
            startsAt = now,
            endsAt = now.AddHours(1),
            createdBy = "vera",
            comment = "from the console",
        };
        using (var refused = await viewer.PostJsonAsync("/api/alerts/api/v2/silences", silence))
        {
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        }

        using (var allowed = await admin.PostJsonAsync("/api/alerts/api/v2/silences", silence with { createdBy = "admin" }))
        {
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        using var dapr = await admin.GetAsync("/api/dapr");
        Assert.Equal(HttpStatusCode.OK, dapr.StatusCode);
        var apps = (await ConsoleClient.JsonAsync(dapr)).EnumerateArray().ToDictionary(a => a.GetProperty("appId").GetString()!);
        Assert.Contains("scrape-tick", Components(apps["metrics-service"]));
        Assert.Contains("email", Components(apps["alert-service"]));
        Assert.DoesNotContain("email", Components(apps["metrics-service"]));
        Assert.Contains("statestore", Components(apps["console"]));
        Assert.Equal("alert-service", apps["alert-service"].GetProperty("metadata").GetProperty("id").GetString());
        Assert.Contains(apps["alert-service"].GetProperty("metadata").GetProperty("subscriptions").EnumerateArray(),
            s => s.GetProperty("pubsubname").GetString() == "pubsub");
        Assert.Equal(JsonValueKind.Null, apps["log-service"].GetProperty("metadata").ValueKind);
        Assert.False(string.IsNullOrEmpty(apps["log-service"].GetProperty("error").GetString()));

        using var viewerDapr = await viewer.GetAsync("/api/dapr");
        Assert.Equal(HttpStatusCode.Forbidden, viewerDapr.StatusCode);
    }

    [Fact]
    public async Task Apps_shows_the_running_services_and_their_sidecars_healthy()
    {
        using var admin = new ConsoleClient(fixture.Console.BaseUrl);
        using (var login = await admin.LoginAsync("admin", ConsoleFixture.AdminPassword))
        {
            Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        }

        using var response = await admin.GetAsync("/api/apps");
        var apps = (await ConsoleClient.JsonAsync(response)).EnumerateArray().ToDictionary(a => a.GetProperty("appId").GetString()!);
        foreach (var appId in new[] { "metrics-service", "alert-service", "console" })
        {
            Assert.Equal("Healthy", apps[appId].GetProperty("sidecar").GetString());
            Assert.NotEqual("Unreachable", apps[appId].GetProperty("health").GetString());
        }

        Assert.Equal("Unreachable", apps["trace-service"].GetProperty("health").GetString());
    }

    private static List<string?> Components(JsonElement app) =>
        [.. app.GetProperty("metadata").GetProperty("components").EnumerateArray().Select(c => c.GetProperty("name").GetString())];
}
