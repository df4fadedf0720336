using System.Net;
using System.Text.Json;
using AirisEpm.ServiceDefaults.Security;
using AirisEpm.TestSupport;
using AirisEpm.TraceService.Domain;
using AirisEpm.TraceService.Storage;
using Microsoft.Extensions.DependencyInjection;
using static AirisEpm.TraceService.Tests.Storage.Spans;

namespace AirisEpm.TraceService.Tests.Functional;

public sealed class TraceSearchApiTests : IAsyncLifetime
{
    private readonly ServiceFactory<Program> _factory = new();
    private HttpClient _client = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _client = _factory.CreateClient().WithToken(Permissions.TracesRead);
        await _factory.Services.GetRequiredService<ITraceStore>().WriteAsync(
        [
            Make(1, 1, service: "frontend", name: "GET /checkout", startMs: 0, durationMs: 120),
            Make(1, 2, parent: 1, service: "payments", name: "POST /charge", startMs: 10, durationMs: 100, status: SpanStatus.Error,
                attributes: Tags(("region", "eu"))),
            Make(2, 1, service: "frontend", name: "GET /home", startMs: 1_000, durationMs: 5),
        ], Ct);
    }

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task Summaries_name_the_root_the_size_and_the_errors_newest_first()
    {
        var body = await GetAsync($"/api/v1/traces?service=frontend&start={At(-1_000) / 1_000_000}&end={At(10_000) / 1_000_000}");

        var traces = body.GetProperty("traces").EnumerateArray().ToList();
        Assert.Equal([Trace(2), Trace(1)], traces.Select(t => t.GetProperty("traceId").GetString()));
        var checkout = traces[1];
        Assert.Equal(("frontend", "GET /checkout"), (checkout.GetProperty("rootService").GetString(), checkout.GetProperty("rootOperation").GetString()));
        Assert.Equal((2, 1, 120.0), (checkout.GetProperty("spanCount").GetInt32(), checkout.GetProperty("errorCount").GetInt32(), checkout.GetProperty("durationMs").GetDouble()));
        Assert.Equal(["frontend", "payments"], checkout.GetProperty("services").EnumerateArray().Select(s => s.GetString()).Order());
        Assert.Equal(20, body.GetProperty("limit").GetInt32());
    }

    [Fact]
    public async Task Tags_and_durations_narrow_the_search()
    {
        var window = $"&start={At(-1_000) / 1_000_000}&end={At(10_000) / 1_000_000}";
        var tagged = await GetAsync("/api/v1/traces?tags=region%3Deu" + window);
        var slow = await GetAsync("/api/v1/traces?service=frontend&minDuration=50ms&maxDuration=1s" + window);

        Assert.Equal([Trace(1)], tagged.GetProperty("traces").EnumerateArray().Select(t => t.GetProperty("traceId").GetString()));
        Assert.Equal([Trace(1)], slow.GetProperty("traces").EnumerateArray().Select(t => t.GetProperty("traceId").GetString()));
    }

    [Theory]
    [InlineData("start=yesterday", "start")]
    [InlineData("start=2000&end=1000", "start")]
    [InlineData("minDuration=fast", "minDuration")]
    [InlineData("minDuration=2s&maxDuration=1s", "maxDuration")]
    [InlineData("limit=0", "limit")]
    [InlineData("tags=novalue", "tags")]
    public async Task Bad_parameters_are_a_problem_naming_them(string query, string parameter)
    {
        using var response = await _client.GetAsync("/api/v1/traces?" + query, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        Assert.True(json.RootElement.GetProperty("errors").TryGetProperty(parameter, out _), json.RootElement.ToString());
    }

    private async Task<JsonElement> GetAsync(string path)
    {
        using var response = await _client.GetAsync(path, Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {text}");
        using var json = JsonDocument.Parse(text);
        return json.RootElement.Clone();
    }
}
