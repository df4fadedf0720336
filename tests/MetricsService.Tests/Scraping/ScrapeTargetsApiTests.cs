using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AirisEpm.MetricsService.Scraping;
using AirisEpm.MetricsService.Tests.Support;
using AirisEpm.ServiceDefaults.Security;
using AirisEpm.TestSupport;

namespace AirisEpm.MetricsService.Tests.Scraping;

public sealed class ScrapeTargetsApiTests
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Targets_can_be_created_read_listed_updated_and_deleted()
    {
        await using var factory = new ProtocolsFactory();
        var writer = factory.CreateClient().WithToken(Permissions.MetricsWrite);
        var reader = factory.CreateClient().WithToken(Permissions.MetricsRead);

        var created = await writer.PostAsJsonAsync("/api/v1/scrape-targets",
            new { url = "http://node-1:9100/metrics", job = "node", intervalSeconds = 30, labels = new { env = "prod" } }, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var target = (await created.Content.ReadFromJsonAsync<ScrapeTarget>(Ct))!;
        Assert.Equal(("node", 30, "prod"), (target.Job, target.IntervalSeconds, target.Labels["env"]));
        Assert.Equal($"/api/v1/scrape-targets/{target.Id}", created.Headers.Location?.OriginalString);

        var fetched = await reader.GetFromJsonAsync<ScrapeTarget>($"/api/v1/scrape-targets/{target.Id}", Ct);
        Assert.Equal(target.Url, fetched!.Url);

        var updated = await writer.PutAsJsonAsync($"/api/v1/scrape-targets/{target.Id}", new { url = "https://node-1:9443/metrics" }, Ct);
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        var list = await reader.GetFromJsonAsync<List<ScrapeTarget>>("/api/v1/scrape-targets", Ct);
        var only = Assert.Single(list!);
        Assert.Equal(("https://node-1:9443/metrics", "scrape", 15), (only.Url, only.Job, only.IntervalSeconds));

        Assert.Equal(HttpStatusCode.NoContent, (await writer.DeleteAsync($"/api/v1/scrape-targets/{target.Id}", Ct)).StatusCode);
        var gone = await writer.DeleteAsync($"/api/v1/scrape-targets/{target.Id}", Ct);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.Equal("application/problem+json", gone.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync("/api/v1/scrape-targets/nope", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await writer.PutAsJsonAsync("/api/v1/scrape-targets/nope", new { url = "http://a/metrics" }, Ct)).StatusCode);
    }

    public static TheoryData<string, string> InvalidBodies => new()
    {
        { """{"url":"ftp://node/metrics"}""", "Url" },
        { """{"url":"not a url"}""", "Url" },
        { """{"url":"http://user:pw@node/metrics"}""", "Url" },
        { """{"url":""}""", "Url" },
        { """{"url":"http://node/metrics","intervalSeconds":0}""", "IntervalSeconds" },
        { """{"url":"http://node/metrics","intervalSeconds":86400}""", "IntervalSeconds" },
        { """{"url":"http://node/metrics","job":"  "}""", "Job" },
        { """{"url":"http://node/metrics","labels":{"bad-name":"x"}}""", "bad-name" },
        { """{"url":"http://node/metrics","labels":{"instance":"x"}}""", "instance" },
        { """{"url":"http://node/metrics","labels":{"__meta":"x"}}""", "__meta" },
    };

    [Theory]
    [MemberData(nameof(InvalidBodies))]
    public async Task Invalid_targets_answer_400_naming_the_field(string body, string field)
    {
        await using var factory = new ProtocolsFactory();
        var client = factory.CreateClient().WithToken(Permissions.MetricsWrite);
        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");

        var response = await client.PostAsync("/api/v1/scrape-targets", content, Ct);

        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, text);
        Assert.Contains(field, text);
    }

    [Fact]
    public async Task Malformed_json_answers_400()
    {
        await using var factory = new ProtocolsFactory();
        var client = factory.CreateClient().WithToken(Permissions.MetricsWrite);
        using var content = new StringContent("{\"url\":", System.Text.Encoding.UTF8, "application/json");
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsync("/api/v1/scrape-targets", content, Ct)).StatusCode);
    }

    [Fact]
    public async Task Reading_needs_metrics_read_and_writing_needs_metrics_write()
    {
        await using var factory = new ProtocolsFactory();
        var reader = factory.CreateClient().WithToken(Permissions.MetricsRead);
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().GetAsync("/api/v1/scrape-targets", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync("/api/v1/scrape-targets", Ct)).StatusCode);
        var post = await reader.PostAsJsonAsync("/api/v1/scrape-targets", new { url = "http://a/metrics" }, Ct);
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.DeleteAsync("/api/v1/scrape-targets/x", Ct)).StatusCode);
    }

    [Fact]
    public async Task A_scrape_tick_scrapes_the_services_own_metrics_and_records_up()
    {
        await using var factory = new ProtocolsFactory().OnKestrel();
        var client = factory.CreateClient().WithToken(Permissions.MetricsWrite);
        var own = new Uri(factory.BaseAddress, "/metrics").ToString();
        await client.PostAsJsonAsync("/api/v1/scrape-targets", new { url = own, job = "self", labels = new { team = "airis" } }, Ct);
        await client.PostAsJsonAsync("/api/v1/scrape-targets", new { url = "http://127.0.0.1:1/metrics", job = "down" }, Ct);

        var tick = await factory.CreateSidecarClient().PostAsync("/scrape-tick", null, Ct);

        Assert.Equal(HttpStatusCode.OK, tick.StatusCode);
        using var result = JsonDocument.Parse(await tick.Content.ReadAsStringAsync(Ct));
        Assert.True(result.RootElement.GetProperty("scraped").GetInt32() >= 2);
        var samples = factory.Ingestor.Samples;
        var up = samples.Where(s => s.Name == "up").ToDictionary(s => s.Labels["job"]!, s => s.Value);
        Assert.Equal(1, up["self"]);
        Assert.Equal(0, up["down"]);
        Assert.Contains(samples, s => s.Name == "scrape_duration_seconds" && s.Labels["job"] == "self" && s.Value > 0);
        var scraped = samples.Where(s => s.Labels["job"] == "self" && s.Name.EndsWith("_bucket", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(scraped);
        Assert.All(scraped, s => Assert.Equal(("airis", factory.BaseAddress.Authority), (s.Labels["team"], s.Labels["instance"])));

        // The configured targets (the five AIRIS apps through the sidecar, unreachable here) are part of the tick too.
        Assert.True(result.RootElement.GetProperty("targets").GetInt32() >= 6);
        var again = await factory.CreateSidecarClient().PostAsync("/scrape-tick", null, Ct);
        using var second = JsonDocument.Parse(await again.Content.ReadAsStringAsync(Ct));
        Assert.Equal(0, second.RootElement.GetProperty("scraped").GetInt32());
    }
}
