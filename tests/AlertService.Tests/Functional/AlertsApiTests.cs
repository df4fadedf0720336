using System.Net;
using AirisEpm.ServiceDefaults.Security;
using static AirisEpm.AlertService.Tests.Functional.Json;

namespace AirisEpm.AlertService.Tests.Functional;

public sealed class AlertsApiTests
{
    private static readonly string[] ReadWrite = [Permissions.AlertsRead, Permissions.AlertsWrite];

    [Fact]
    public async Task Posted_alert_is_listed_active_with_fingerprint_and_receiver()
    {
        await using var factory = new AlertServiceFactory();
        var client = await factory.StartAsync(ReadWrite);

        await PostAsync(client, "/api/v2/alerts", new[]
        {
            new { labels = new Dictionary<string, string> { ["alertname"] = "HighLatency", ["service"] = "api" }, generatorURL = "http://prom/graph" },
        });
        var alerts = await GetAsync(client, "/api/v2/alerts");

        var alert = Assert.Single(alerts.EnumerateArray());
        Assert.Equal("HighLatency", alert.GetProperty("labels").GetProperty("alertname").GetString());
        Assert.Equal(16, alert.GetProperty("fingerprint").GetString()!.Length);
        Assert.Equal("active", alert.GetProperty("status").GetProperty("state").GetString());
        Assert.Empty(alert.GetProperty("status").GetProperty("silencedBy").EnumerateArray());
        Assert.Empty(alert.GetProperty("status").GetProperty("inhibitedBy").EnumerateArray());
        Assert.Equal("oncall", Assert.Single(alert.GetProperty("receivers").EnumerateArray()).GetProperty("name").GetString());
        Assert.Equal("http://prom/graph", alert.GetProperty("generatorURL").GetString());
        Assert.True(alert.GetProperty("endsAt").GetDateTimeOffset() > alert.GetProperty("startsAt").GetDateTimeOffset());
        foreach (var field in new[] { "annotations", "updatedAt" }) Assert.True(alert.TryGetProperty(field, out _), field);
    }

    [Fact]
    public async Task Bad_alerts_are_refused_each_named_by_index_and_none_is_stored()
    {
        await using var factory = new AlertServiceFactory();
        var client = await factory.StartAsync(ReadWrite);
        var now = DateTimeOffset.UtcNow;

        var problem = await PostAsync(client, "/api/v2/alerts", new object[]
        {
            new { labels = new Dictionary<string, string> { ["alertname"] = "Fine" } },
            new { labels = new Dictionary<string, string>() },
            new { labels = new Dictionary<string, string> { ["bad-name"] = "x" } },
            new { labels = new Dictionary<string, string> { ["alertname"] = "Backwards" }, startsAt = now, endsAt = now.AddMinutes(-1) },
        }, HttpStatusCode.BadRequest);

        Assert.Equal(["[1].labels", "[2].labels", "[3].endsAt"], ErrorKeys(problem).Order());
        Assert.Empty((await GetAsync(client, "/api/v2/alerts")).EnumerateArray());
    }

    [Theory]
    [InlineData("filter=alertname%3D~%22(%22", "filter")]
    [InlineData("filter=%3D%22x%22", "filter")]
    [InlineData("receiver=(", "receiver")]
    public async Task Invalid_filter_or_receiver_regex_is_a_400_naming_the_parameter(string query, string parameter)
    {
        await using var factory = new AlertServiceFactory();
        var client = await factory.StartAsync(ReadWrite);

        var problem = await GetAsync(client, "/api/v2/alerts?" + query, HttpStatusCode.BadRequest);

        Assert.Equal([parameter], ErrorKeys(problem));
    }

    [Fact]
    public async Task Filter_and_receiver_select_alerts()
    {
        await using var factory = new AlertServiceFactory();
        var client = await factory.StartAsync(ReadWrite);
        await PostAsync(client, "/api/v2/alerts", new[]
        {
            Alert(("alertname", "A"), ("service", "api"), ("severity", "warning")),
            Alert(("alertname", "B"), ("service", "db"), ("severity", "critical")),
        });

        var api = await GetAsync(client, "/api/v2/alerts?filter=service%3D%22api%22");
        var critical = await GetAsync(client, "/api/v2/alerts?receiver=oncall-crit.*");
        var both = await GetAsync(client, "/api/v2/alerts?filter=alertname%3D~%22A%7CB%22&filter=service!%3D%22x%22");

        Assert.Equal("A", Assert.Single(api.EnumerateArray()).GetProperty("labels").GetProperty("alertname").GetString());
        Assert.Equal("B", Assert.Single(critical.EnumerateArray()).GetProperty("labels").GetProperty("alertname").GetString());
        Assert.Equal(2, both.GetArrayLength());
    }

    [Fact]
    public async Task Silence_makes_matching_alerts_suppressed_with_silencedBy()
    {
        await using var factory = new AlertServiceFactory();
        var client = await factory.StartAsync(ReadWrite);
        await PostAsync(client, "/api/v2/alerts", new[] { Alert(("alertname", "Disk"), ("service", "db")), Alert(("alertname", "Disk"), ("service", "api")) });

        var created = await PostAsync(client, "/api/v2/silences", Silences.For(new { name = "service", value = "d.", isRegex = true }));
        var id = created.GetProperty("silenceID").GetString();

        var alerts = await GetAsync(client, "/api/v2/alerts");
        var db = alerts.EnumerateArray().Single(a => a.GetProperty("labels").GetProperty("service").GetString() == "db");
        var api = alerts.EnumerateArray().Single(a => a.GetProperty("labels").GetProperty("service").GetString() == "api");
        Assert.Equal("suppressed", db.GetProperty("status").GetProperty("state").GetString());
        Assert.Equal(id, Assert.Single(db.GetProperty("status").GetProperty("silencedBy").EnumerateArray()).GetString());
        Assert.Equal("active", api.GetProperty("status").GetProperty("state").GetString());
        var unsilenced = await GetAsync(client, "/api/v2/alerts?silenced=false");
        Assert.Equal("api", Assert.Single(unsilenced.EnumerateArray()).GetProperty("labels").GetProperty("service").GetString());
    }

    [Fact]
    public async Task Critical_alert_inhibits_the_warning_of_the_same_alertname_and_service()
    {
        await using var factory = new AlertServiceFactory();
        var client = await factory.StartAsync(ReadWrite);
        await PostAsync(client, "/api/v2/alerts", new[]
        {
            Alert(("alertname", "Errors"), ("service", "api"), ("severity", "critical")),
            Alert(("alertname", "Errors"), ("service", "api"), ("severity", "warning")),
            Alert(("alertname", "Errors"), ("service", "web"), ("severity", "warning")),
        });

        var alerts = (await GetAsync(client, "/api/v2/alerts")).EnumerateArray().ToList();
        var critical = alerts.Single(a => a.GetProperty("labels").GetProperty("severity").GetString() == "critical");
        var inhibited = alerts.Single(a => a.GetProperty("labels").GetProperty("severity").GetString() == "warning"
                                           && a.GetProperty("labels").GetProperty("service").GetString() == "api");
        var other = alerts.Single(a => a.GetProperty("labels").GetProperty("service").GetString() == "web");

        Assert.Equal("suppressed", inhibited.GetProperty("status").GetProperty("state").GetString());
        Assert.Equal(critical.GetProperty("fingerprint").GetString(),
            Assert.Single(inhibited.GetProperty("status").GetProperty("inhibitedBy").EnumerateArray()).GetString());
        Assert.Equal("active", other.GetProperty("status").GetProperty("state").GetString());
        Assert.Equal(2, (await GetAsync(client, "/api/v2/alerts?inhibited=false")).GetArrayLength());
    }

    [Fact]
    public async Task Groups_follow_the_routes_group_by()
    {
        await using var factory = new AlertServiceFactory();
        var client = await factory.StartAsync(ReadWrite);
        await PostAsync(client, "/api/v2/alerts", new[]
        {
            Alert(("alertname", "Errors"), ("service", "api"), ("instance", "1")),
            Alert(("alertname", "Errors"), ("service", "api"), ("instance", "2")),
            Alert(("alertname", "Errors"), ("service", "db"), ("severity", "critical")),
        });

        var groups = (await GetAsync(client, "/api/v2/alerts/groups")).EnumerateArray().ToList();

        Assert.Equal(2, groups.Count);
        var api = groups.Single(g => g.GetProperty("labels").TryGetProperty("service", out var s) && s.GetString() == "api");
        Assert.Equal("oncall", api.GetProperty("receiver").GetProperty("name").GetString());
        Assert.Equal(["alertname", "service"], api.GetProperty("labels").EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal(2, api.GetProperty("alerts").GetArrayLength());
        var db = groups.Single(g => g.GetProperty("labels").GetProperty("service").GetString() == "db");
        Assert.Equal("oncall-critical", db.GetProperty("receiver").GetProperty("name").GetString());
        Assert.Single((await GetAsync(client, "/api/v2/alerts/groups?filter=service%3D%22db%22")).EnumerateArray());
    }

    [Fact]
    public async Task Receivers_lists_the_configured_names()
    {
        await using var factory = new AlertServiceFactory();
        var client = await factory.StartAsync(ReadWrite);

        var receivers = await GetAsync(client, "/api/v2/receivers");

        Assert.Equal(["oncall", "oncall-critical"], receivers.EnumerateArray().Select(r => r.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task Writing_needs_alerts_write()
    {
        await using var factory = new AlertServiceFactory();
        var client = await factory.StartAsync(Permissions.AlertsRead);

        var response = await client.PostAsync("/api/v2/alerts", System.Net.Http.Json.JsonContent.Create(new[] { Alert(("alertname", "X")) }), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
