using System.Net;
using System.Text;
using System.Text.Json;
using static AirisEpm.LogService.Tests.Functional.LogApiJson;

namespace AirisEpm.LogService.Tests.Functional;

/// <summary>
/// The facet, pattern and tail endpoints with a LogQL log query (<c>logql=</c>): counted over every line it passes,
/// more than any page of lines; metric queries and bad combinations refused as 400s naming the parameter.
/// </summary>
public sealed class LogQlSearchEndpointsTests : IAsyncLifetime
{
    private const int Lines = 240;
    private readonly LogServiceFactory _factory = new();
    private readonly DateTimeOffset _start = DateTimeOffset.UtcNow.AddMinutes(-20);

    private sealed record Line(DateTimeOffset At, string Level, string Service, string Region, string Message);

    private IEnumerable<Line> Written() => Enumerable.Range(0, Lines).Select(i => new Line(
        _start.AddSeconds(i * 3).AddTicks(i * 1_234),
        i % 4 == 0 ? "error" : "info",
        i % 3 == 0 ? "billing" : "shipping",
        i % 2 == 0 ? "eu" : "us",
        i % 6 == 0 ? $"payment {i} declined by the bank" : $"order {i} shipped to the customer"));

    public async ValueTask InitializeAsync()
    {
        var body = string.Join('\n', Written().Select(l => JsonSerializer.Serialize(new
        {
            timestamp = l.At,
            level = l.Level,
            message = l.Message,
            service = l.Service,
            labels = new { region = l.Region },
        })));
        var response = await _factory.Writer().PostAsync("/api/v1/logs", new StringContent(body, Encoding.UTF8, "application/x-ndjson"), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while ((await Get("/api/v1/logs/search?limit=1&q=*:*")).GetProperty("total").GetInt64() < Lines && DateTime.UtcNow < deadline) await Task.Delay(100, Ct);
    }

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    private async Task<JsonElement> Get(string path, HttpStatusCode expected = HttpStatusCode.OK) =>
        await (await _factory.Reader().GetAsync(path, Ct)).JsonAsync(expected);

    private static string Q(string logql) => Uri.EscapeDataString(logql);

    private static Dictionary<string, long> Values(JsonElement facets, string field) =>
        facets.EnumerateArray().Single(f => f.GetProperty("field").GetString() == field).GetProperty("values").EnumerateArray()
            .ToDictionary(v => v.GetProperty("value").GetString()!, v => v.GetProperty("records").GetInt64());

    [Fact]
    public async Task Facets_count_every_line_the_query_passes_not_a_page()
    {
        var facets = await Get($"/api/v1/logs/facets?logql={Q("{service_name=~\"shipping|billing\"} |= \"shipped\"")}&field=service_name&field=level&field=region");

        var shipped = Written().Where(l => l.Message.Contains("shipped", StringComparison.Ordinal)).ToList();
        Assert.True(shipped.Count > 100, "more lines than one page of the explorer");
        Assert.Equal(["service_name", "level", "region"], facets.EnumerateArray().Select(f => f.GetProperty("field").GetString()));
        Assert.Equal(shipped.GroupBy(l => l.Service).ToDictionary(g => g.Key, g => (long)g.Count()), Values(facets, "service_name"));
        Assert.Equal(shipped.GroupBy(l => l.Level).ToDictionary(g => g.Key, g => (long)g.Count()), Values(facets, "level"));
        Assert.Equal(shipped.GroupBy(l => l.Region).ToDictionary(g => g.Key, g => (long)g.Count()), Values(facets, "region"));
    }

    [Fact]
    public async Task Facets_follow_label_filters_and_parsers_and_list_every_label_when_none_is_named()
    {
        var facets = await Get($"/api/v1/logs/facets?logql={Q("{region=\"us\"} | regexp \"^(?P<kind>\\\\w+) \" | detected_level=\"info\"")}&top=5");

        var expected = Written().Where(l => l.Region == "us" && l.Level == "info").ToList();
        Assert.Equal(["detected_level", "kind", "region", "service_name"], facets.EnumerateArray().Select(f => f.GetProperty("field").GetString()));
        Assert.Equal(new Dictionary<string, long> { ["info"] = expected.Count }, Values(facets, "detected_level"));
        Assert.Equal(expected.GroupBy(l => l.Message.Split(' ')[0]).ToDictionary(g => g.Key, g => (long)g.Count()), Values(facets, "kind"));
    }

    [Fact]
    public async Task Patterns_of_a_log_query_count_every_line_with_the_records_own_first_and_last_times()
    {
        var patterns = await Get($"/api/v1/logs/patterns?logql={Q("{service_name=\"billing\"}")}&buckets=20");

        var billing = Written().Where(l => l.Service == "billing").ToList();
        Assert.Equal(billing.Count, patterns.EnumerateArray().Sum(p => p.GetProperty("count").GetInt64()));
        foreach (var (pattern, word) in patterns.EnumerateArray().Select(p => (p, p.GetProperty("template").GetString()!.Split(' ')[0])))
        {
            var lines = billing.Where(l => l.Message.StartsWith(word, StringComparison.Ordinal)).ToList();
            Assert.Equal(lines.Count, pattern.GetProperty("count").GetInt64());
            Assert.Equal(lines.Min(l => l.At), DateTimeOffset.Parse(pattern.GetProperty("firstSeen").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(lines.Max(l => l.At), DateTimeOffset.Parse(pattern.GetProperty("lastSeen").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(lines.Count(l => l.Level == "error"), pattern.GetProperty("byLevel").TryGetProperty("error", out var e) ? e.GetInt64() : 0);
            Assert.Equal(lines.Count, pattern.GetProperty("counts").EnumerateArray().Sum(c => c.GetInt64()));
            Assert.Equal(20, pattern.GetProperty("counts").GetArrayLength());
        }

        Assert.Equal(2, patterns.GetArrayLength());
    }

    [Fact]
    public async Task Lucene_patterns_first_and_last_seen_are_the_oldest_and_newest_matching_records_times()
    {
        var patterns = await Get("/api/v1/logs/patterns?q=declined&service=billing");

        var declined = Written().Where(l => l.Service == "billing" && l.Message.Contains("declined", StringComparison.Ordinal)).ToList();
        var pattern = Assert.Single(patterns.EnumerateArray());
        Assert.Equal(declined.Count, pattern.GetProperty("count").GetInt64());
        Assert.Equal(declined.Min(l => l.At), DateTimeOffset.Parse(pattern.GetProperty("firstSeen").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(declined.Max(l => l.At), DateTimeOffset.Parse(pattern.GetProperty("lastSeen").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("facets", "count_over_time({region=\"eu\"}[5m])", "metric query")]
    [InlineData("patterns", "sum(rate({region=\"eu\"}[1m]))", "metric query")]
    [InlineData("tail", "rate({region=\"eu\"}[1m])", "metric query")]
    [InlineData("facets", "{region=\"eu\"", "parse error")]
    [InlineData("tail", "{region=\"eu\"} |~ \"(\"", "")]
    [InlineData("patterns", "  ", "LogQL log query")]
    public async Task What_is_not_a_log_query_is_a_400_naming_logql(string endpoint, string logql, string says)
    {
        var problem = await Get($"/api/v1/logs/{endpoint}?logql={Q(logql)}", HttpStatusCode.BadRequest);

        var message = problem.GetProperty("errors").GetProperty("logql")[0].GetString();
        Assert.Contains(says, message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("facets", "q=shipped", "q")]
    [InlineData("patterns", "service=billing", "service")]
    [InlineData("tail", "level=error", "level")]
    [InlineData("facets", "field=not-a-label", "field")]
    [InlineData("facets", "top=0", "top")]
    [InlineData("patterns", "start=yesterday", "start")]
    public async Task Parameters_that_do_not_combine_with_logql_are_400s_naming_them(string endpoint, string extra, string parameter)
    {
        var problem = await Get($"/api/v1/logs/{endpoint}?logql={Q("{region=\"eu\"}")}&{extra}", HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out _), problem.ToString());
    }

    [Fact]
    public async Task Tail_of_a_log_query_sends_only_the_lines_it_passes_as_its_stages_leave_them()
    {
        using var reader = _factory.Reader();
        var logql = "{service_name=\"tail-q\"} |= \"kept\" | line_format \"{{.region}}: {{__line__}}\"";
        using var response = await reader.GetAsync($"/api/v1/logs/tail?logql={Q(logql)}", HttpCompletionOption.ResponseHeadersRead, Ct);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        using var stream = new StreamReader(await response.Content.ReadAsStreamAsync(Ct));

        var at = DateTimeOffset.UtcNow.AddSeconds(1);
        var body = string.Join('\n',
            JsonSerializer.Serialize(new { message = "dropped line", timestamp = at, service = "tail-q", labels = new { region = "eu" } }),
            JsonSerializer.Serialize(new { message = "kept line", timestamp = at.AddMilliseconds(1), service = "tail-q", labels = new { region = "eu" } }));
        await _factory.Writer().PostAsync("/api/v1/logs", new StringContent(body, Encoding.UTF8, "application/x-ndjson"), Ct);

        var line = await EventStream.NextDataLineAsync(stream, Ct);

        Assert.NotNull(line);
        var record = JsonDocument.Parse(line["data:".Length..]).RootElement;
        Assert.Equal("eu: kept line", record.GetProperty("message").GetString());
        Assert.Equal("tail-q", record.GetProperty("service").GetString());
    }
}
