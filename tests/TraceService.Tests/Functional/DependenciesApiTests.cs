using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AirisEpm.ServiceDefaults.Security;
using AirisEpm.TestSupport;
using AirisEpm.TraceService.Ingest;
using AirisEpm.TraceService.Tests.LiveGraph;
using AirisEpm.TraceService.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace AirisEpm.TraceService.Tests.Functional;

/// <summary>The graph endpoints over spans ingested through the real pipeline (batching writer → store → graph).</summary>
public sealed class DependenciesApiTests : IAsyncLifetime
{
    private readonly TraceServiceFactory _factory = new();
    private readonly long _nowMs = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
    private HttpClient _client = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string Window => $"start={_nowMs - 600_000}&end={_nowMs + 600_000}";

    public async ValueTask InitializeAsync()
    {
        _client = _factory.CreateClient().WithToken(Permissions.TracesRead);
        var ingestor = _factory.Services.GetRequiredService<ITraceIngestor>();
        for (var i = 0; i < 4; i++)
            await ingestor.IngestAsync(GraphSpans.Request(i, _nowMs * 1_000_000 + i * 1_000, dbMs: 10 * (i + 1), dbFails: i == 3), Ct);
    }

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    private async Task<JsonElement> GetAsync(string path)
    {
        var response = await _client.GetAsync(path, Ct);
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Ct)}");
        return await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
    }

    [Fact]
    public async Task The_graph_has_the_entry_edge_and_the_matched_edge_with_kinds_and_measures()
    {
        var body = await GetAsync("/api/v1/dependencies?" + Window);

        var edges = body.GetProperty("edges").EnumerateArray().ToList();
        Assert.Equal(["frontend→checkout", "user→frontend"], edges.Select(e => e.GetProperty("from").GetString() + "→" + e.GetProperty("to").GetString()));
        var call = edges[0].GetProperty("measures");
        Assert.Equal((4, 1, 0.25), (call.GetProperty("calls").GetInt64(), call.GetProperty("errors").GetInt64(), call.GetProperty("errorRate").GetDouble()));
        Assert.Equal(4 / 1200.0, call.GetProperty("callsPerSecond").GetDouble(), 9);
        Assert.InRange(call.GetProperty("p99Ms").GetDouble(), 41, 43);
        var nodes = body.GetProperty("nodes").EnumerateArray().ToDictionary(n => n.GetProperty("name").GetString()!, n => n.GetProperty("kind").GetString());
        Assert.Equal(new Dictionary<string, string?> { ["checkout"] = "service", ["frontend"] = "service", ["user"] = "external" }, nodes);
    }

    [Fact]
    public async Task Measures_answer_a_service_and_an_edge_in_alert_services_shape_with_nulls_when_nothing_was_called()
    {
        var service = await GetAsync("/api/v1/measures?service=frontend&" + Window);
        var edge = await GetAsync("/api/v1/measures?from=frontend&to=checkout&" + Window);
        var none = await GetAsync("/api/v1/measures?service=nobody&" + Window);

        Assert.Equal((4, 1), (service.GetProperty("calls").GetInt64(), service.GetProperty("errors").GetInt64()));
        Assert.InRange(edge.GetProperty("p50Ms").GetDouble(), 21, 23);
        Assert.InRange(edge.GetProperty("p95Ms").GetDouble(), 41, 43);
        Assert.Equal("""{"calls":0,"errors":0,"errorRate":null,"p50Ms":null,"p95Ms":null,"p99Ms":null}""", none.GetRawText());
    }

    [Fact]
    public async Task Comparing_with_an_empty_earlier_window_marks_every_edge_and_node_new()
    {
        var body = await GetAsync($"/api/v1/dependencies?{Window}&compareStart={_nowMs - 7_200_000}&compareEnd={_nowMs - 3_600_000}");

        Assert.Equal(2, body.GetProperty("current").GetProperty("edges").GetArrayLength());
        Assert.Equal(0, body.GetProperty("baseline").GetProperty("edges").GetArrayLength());
        Assert.Equal(["new", "new"], body.GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("change").GetString()));
        Assert.Equal(["frontend", "user"], body.GetProperty("newEdges").EnumerateArray().Select(e => e.GetProperty("from").GetString()));
        Assert.Equal(["checkout", "frontend", "user"], body.GetProperty("newNodes").EnumerateArray().Select(n => n.GetString()));
        Assert.Equal(0, body.GetProperty("vanishedEdges").GetArrayLength());
    }

    [Fact]
    public async Task Jaeger_dependencies_are_parent_child_call_counts_in_jaegers_envelope()
    {
        var body = await GetAsync($"/api/dependencies?endTs={_nowMs + 600_000}&lookback=1200000");

        Assert.Equal(2, body.GetProperty("total").GetInt32());
        Assert.Equal(
            """[{"parent":"frontend","child":"checkout","callCount":4},{"parent":"user","child":"frontend","callCount":4}]""",
            body.GetProperty("data").GetRawText());
    }

    [Theory]
    [InlineData("/api/v1/dependencies?start=yesterday", "start")]
    [InlineData("/api/v1/dependencies?end=soon", "end")]
    [InlineData("/api/v1/dependencies?start=2000&end=1000", "start")]
    [InlineData("/api/v1/dependencies?compareStart=1000", "compareEnd")]
    [InlineData("/api/v1/dependencies?compareStart=x&compareEnd=1000", "compareStart")]
    [InlineData("/api/v1/measures?start=1000&end=2000", "service")]
    [InlineData("/api/v1/measures?service=a&from=b&to=c", "service")]
    [InlineData("/api/v1/measures?from=b", "to")]
    [InlineData("/api/v1/measures?to=b", "from")]
    [InlineData("/api/v1/measures?service=a&end=1e400", "end")]
    public async Task Bad_input_is_a_400_problem_naming_the_parameter(string path, string parameter)
    {
        var problem = await (await _client.GetAsync(path, Ct)).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out _), problem.GetRawText());
    }

    [Theory]
    [InlineData("endTs=yesterday", "endTs")]
    [InlineData("lookback=-5", "lookback")]
    [InlineData("endTs=99999999999999999", "endTs")]
    public async Task Bad_jaeger_input_is_a_400_in_jaegers_envelope(string query, string parameter)
    {
        var response = await _client.GetAsync("/api/dependencies?" + query, Ct);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(parameter, body.GetProperty("errors")[0].GetProperty("msg").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, body.GetProperty("data").ValueKind);
    }

    [Fact]
    public async Task Without_traces_read_the_graph_is_refused()
    {
        using var writer = _factory.CreateClient().WithToken(Permissions.TracesWrite);

        Assert.Equal(HttpStatusCode.Forbidden, (await writer.GetAsync("/api/v1/dependencies", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await writer.GetAsync("/api/v1/measures?service=a", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await writer.GetAsync("/api/dependencies", Ct)).StatusCode);
    }
}
