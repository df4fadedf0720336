using System.Net;
using System.Text;
using static AirisEpm.LogService.Tests.Functional.LogApiJson;

namespace AirisEpm.LogService.Tests.Functional;

public sealed class LogSearchApiTests : IAsyncLifetime
{
    private readonly LogServiceFactory _factory = new();

    public async ValueTask InitializeAsync()
    {
        var start = DateTimeOffset.UtcNow.AddMinutes(-10);
        var lines = Enumerable.Range(0, 30).Select(i => System.Text.Json.JsonSerializer.Serialize(new
        {
            timestamp = start.AddSeconds(i * 10),
            level = i % 3 == 0 ? "error" : "info",
            message = $"request {i} served in {i * 3} ms",
            service = i % 2 == 0 ? "api" : "web",
            labels = new { host = $"h{i % 2}" },
        }));
        var response = await _factory.Writer().PostAsync("/api/v1/logs", new StringContent(string.Join('\n', lines), Encoding.UTF8, "application/x-ndjson"), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await _factory.Reader().SearchUntilAsync("q=request&limit=100", 30);
    }

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task Pages_follow_the_cursor_newest_first_without_gaps()
    {
        var seen = new List<long>();
        string? cursor = null;
        do
        {
            var page = await (await _factory.Reader().GetAsync($"/api/v1/logs/search?q=request&limit=7{(cursor is null ? "" : "&cursor=" + cursor)}", Ct)).JsonAsync();
            seen.AddRange(page.GetProperty("records").EnumerateArray().Select(r => r.GetProperty("timestampNs").GetInt64()));
            cursor = page.GetProperty("nextCursor").GetString();
        }
        while (cursor is not null);

        Assert.Equal(30, seen.Count);
        Assert.Equal(seen.OrderDescending(), seen);
    }

    [Fact]
    public async Task Totals_histogram_and_highlights_are_answered()
    {
        var result = await (await _factory.Reader().GetAsync("/api/v1/logs/search?q=served&level=error&buckets=5&highlight=true", Ct)).JsonAsync();
        Assert.Equal(10, result.GetProperty("total").GetInt64());
        var buckets = result.GetProperty("histogram").GetProperty("buckets");
        Assert.Equal(5, buckets.GetArrayLength());
        Assert.Equal(10, buckets.EnumerateArray().Sum(b => b.GetProperty("total").GetInt64()));
        Assert.Contains("served", result.GetProperty("records")[0].GetProperty("highlights")[0].GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("q=%22unclosed", "q")]
    [InlineData("level=loud", "level")]
    [InlineData("limit=0", "limit")]
    [InlineData("start=yesterday", "start")]
    [InlineData("cursor=not-a-cursor", "cursor")]
    public async Task Invalid_parameters_are_400_naming_them(string query, string parameter)
    {
        var problem = await (await _factory.Reader().GetAsync("/api/v1/logs/search?" + query, Ct)).JsonAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out _), problem.ToString());
    }

    [Fact]
    public async Task A_record_its_context_fields_and_values_are_served()
    {
        var newest = (await (await _factory.Reader().GetAsync("/api/v1/logs/search?service=api&limit=1", Ct)).JsonAsync()).GetProperty("records")[0];
        var id = newest.GetProperty("id").GetString();
        var one = await (await _factory.Reader().GetAsync($"/api/v1/logs/{id}", Ct)).JsonAsync();
        Assert.Equal(newest.GetProperty("message").GetString(), one.GetProperty("message").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await _factory.Reader().GetAsync("/api/v1/logs/no-such-id", Ct)).StatusCode);

        var context = await (await _factory.Reader().GetAsync($"/api/v1/logs/{id}/context?before=3&after=3", Ct)).JsonAsync();
        Assert.InRange(context.GetArrayLength(), 2, 7);
        Assert.All(context.EnumerateArray(), r => Assert.Equal("api", r.GetProperty("service").GetString()));

        var fields = await (await _factory.Reader().GetAsync("/api/v1/logs/fields?q=request", Ct)).JsonAsync();
        Assert.Contains(fields.EnumerateArray(), f => f.GetProperty("field").GetString() == "service");
        var services = await (await _factory.Reader().GetAsync("/api/v1/logs/fields/service/values?q=request", Ct)).JsonAsync();
        Assert.Equal(15, services.EnumerateArray().Single(v => v.GetProperty("value").GetString() == "api").GetProperty("records").GetInt64());
    }

    [Fact]
    public async Task Patterns_group_the_lines_with_counts_and_levels()
    {
        var patterns = await (await _factory.Reader().GetAsync("/api/v1/logs/patterns?q=request", Ct)).JsonAsync();
        var top = patterns[0];
        Assert.Equal(30, top.GetProperty("count").GetInt64());
        Assert.Contains("<*>", top.GetProperty("template").GetString(), StringComparison.Ordinal);
        Assert.Equal(10, top.GetProperty("byLevel").GetProperty("error").GetInt64());
        Assert.Equal(30, top.GetProperty("counts").EnumerateArray().Sum(c => c.GetInt64()));
    }

    [Fact]
    public async Task Tail_streams_new_records_as_server_sent_events()
    {
        using var reader = _factory.Reader();
        using var response = await reader.GetAsync("/api/v1/logs/tail?q=tailed", HttpCompletionOption.ResponseHeadersRead, Ct);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        using var stream = new StreamReader(await response.Content.ReadAsStreamAsync(Ct));

        var body = $$"""{"message":"tailed line {{Guid.NewGuid():N}}","timestamp":"{{DateTimeOffset.UtcNow.AddSeconds(1):O}}"}""";
        await _factory.Writer().PostAsync("/api/v1/logs", new StringContent(body, Encoding.UTF8, "application/x-ndjson"), Ct);

        var line = await EventStream.NextDataLineAsync(stream, Ct);

        Assert.NotNull(line);
        Assert.Contains("tailed line", line, StringComparison.Ordinal);
    }
}
