using System.Net;
using System.Text.Json;
using AirisEpm.ServiceDefaults.Security;
using AirisEpm.TestSupport;
using AirisEpm.TraceService.Apis;
using AirisEpm.TraceService.Domain;
using AirisEpm.TraceService.Storage;
using AirisEpm.TraceService.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using static AirisEpm.TraceService.Tests.Storage.Spans;

namespace AirisEpm.TraceService.Tests.Functional;

/// <summary>
/// <c>GET /api/v1/bottlenecks</c> over the embedded store. Two 10-minute windows, in ms after each trace's start:
/// <code>
///   previous window (traces 3, 4)       current window (traces 5, 6; trace 7 is another service's alone)
///   0   10  30          100            0   10                  90  100
///   A |==================|             A |=======================|        frontend GET /checkout
///   C    |==|                          C    |==================|          payments POST /charge
///   K           |=| (trace 4: 40..50)                                     frontend cache GET, gone now
/// </code>
/// Now POST /charge holds 80 of each 100 ms (share 0.8 of frontend's traces, rank 1), before 20 of 100 (0.2, rank 2 behind GET /checkout).
/// </summary>
public sealed class BottlenecksApiTests : IAsyncLifetime
{
    private const long Minutes10 = 600_000;
    private readonly ServiceFactory<Program> _factory = new();
    private HttpClient _client = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Window => $"start={At(0) / 1_000_000}&end={At(Minutes10) / 1_000_000}";

    public async ValueTask InitializeAsync()
    {
        _client = _factory.CreateClient().WithToken(Permissions.TracesRead);
        var spans = new List<Span>();
        foreach (var (trace, at, chargeMs) in new[] { (3, -300_000L, 20L), (4, -200_000L, 20L), (5, 100_000L, 80L), (6, 200_000L, 80L) })
        {
            spans.Add(Make(trace, 1, service: "frontend", name: "GET /checkout", startMs: at, durationMs: 100));
            spans.Add(Make(trace, 2, parent: 1, service: "payments", name: "POST /charge", startMs: at + 10, durationMs: chargeMs));
        }

        spans.Add(Make(4, 3, parent: 1, service: "frontend", name: "cache GET", kind: SpanKind.Client, startMs: -200_000 + 40, durationMs: 10));
        spans.Add(Make(7, 1, service: "other", name: "GET /other", startMs: 300_000, durationMs: 50));
        // A busy hour later: more single-span traces than one answer analyses.
        spans.AddRange(Enumerable.Range(100, BottlenecksApi.MaxTraces + 1).Select(t => Make(t, 1, service: "busy", name: "tick", startMs: 3_600_000 + t, durationMs: 1)));
        await _factory.Services.GetRequiredService<ITraceStore>().WriteAsync(spans, Ct);
    }

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task Operations_are_ranked_by_critical_path_share_with_the_change_since_the_previous_window()
    {
        var body = await GetAsync("/api/v1/bottlenecks?service=frontend&" + Window);

        Assert.Equal("frontend", body.GetProperty("service").GetString());
        var window = body.GetProperty("window");
        Assert.Equal((2, 2, false), (window.GetProperty("tracesInWindow").GetInt32(), window.GetProperty("tracesAnalysed").GetInt32(), window.GetProperty("sampled").GetBoolean()));
        Assert.Equal(At(-Minutes10), body.GetProperty("previous").GetProperty("startNs").GetInt64());
        Assert.Equal(2, body.GetProperty("previous").GetProperty("tracesAnalysed").GetInt32());

        var ops = body.GetProperty("operations").EnumerateArray().ToList();
        Assert.Equal([("payments", "POST /charge"), ("frontend", "GET /checkout")], ops.Select(o => (o.GetProperty("service").GetString(), o.GetProperty("operation").GetString())));
        var charge = ops[0];
        Assert.Equal((1, 0.8), (charge.GetProperty("rank").GetInt32(), charge.GetProperty("share").GetDouble()));
        Assert.Equal((160_000_000L, 160_000_000L, 2L), (charge.GetProperty("criticalNs").GetInt64(), charge.GetProperty("selfNs").GetInt64(), charge.GetProperty("traces").GetInt64()));
        var change = charge.GetProperty("change");
        Assert.Equal((2, 0.2), (change.GetProperty("rankBefore").GetInt32(), change.GetProperty("shareBefore").GetDouble()));
        Assert.Equal(0.6, change.GetProperty("shareChange").GetDouble(), 9);
        Assert.Equal(60_000_000, change.GetProperty("meanCriticalChangeNs").GetDouble(), 3);
        Assert.Equal(40_000_000, ops[1].GetProperty("selfNs").GetInt64());

        var gone = Assert.Single(body.GetProperty("gone").EnumerateArray());
        Assert.Equal(("cache GET", true), (gone.GetProperty("operation").GetString(), gone.GetProperty("isGone").GetBoolean()));
    }

    [Fact]
    public async Task Without_a_service_every_trace_of_the_window_counts()
    {
        var body = await GetAsync("/api/v1/bottlenecks?" + Window);

        Assert.Equal(3, body.GetProperty("window").GetProperty("tracesInWindow").GetInt32());
        var charge = body.GetProperty("operations")[0];
        Assert.Equal(160.0 / 250, charge.GetProperty("share").GetDouble(), 9);
        Assert.Contains(body.GetProperty("operations").EnumerateArray(), o => o.GetProperty("service").GetString() == "other");
    }

    [Fact]
    public async Task A_window_with_more_traces_than_the_bound_is_sampled_and_says_so()
    {
        var body = await GetAsync($"/api/v1/bottlenecks?start={At(3_600_000) / 1_000_000}&end={At(3_600_000 + Minutes10) / 1_000_000}&limit=1");

        Assert.Equal(BottlenecksApi.MaxTraces, body.GetProperty("maxTraces").GetInt32());
        var window = body.GetProperty("window");
        Assert.Equal((BottlenecksApi.MaxTraces + 1, BottlenecksApi.MaxTraces, true),
            (window.GetProperty("tracesInWindow").GetInt32(), window.GetProperty("tracesAnalysed").GetInt32(), window.GetProperty("sampled").GetBoolean()));
        var tick = Assert.Single(body.GetProperty("operations").EnumerateArray());
        Assert.Equal(BottlenecksApi.MaxTraces, tick.GetProperty("traces").GetInt64());
    }

    [Theory]
    [InlineData("start=yesterday", "start", "RFC 3339")]
    [InlineData("end=soon", "end", "RFC 3339")]
    [InlineData("start=2000&end=1000", "start", "before end")]
    [InlineData("start=0&end=86400", "start", "6 hours")]
    [InlineData("limit=0", "limit", "between 1 and 1000")]
    public async Task Bad_parameters_are_a_400_problem_naming_them(string query, string field, string reason)
    {
        using var response = await _client.GetAsync("/api/v1/bottlenecks?" + query, Ct);

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains(reason, problem.GetProperty("errors").GetProperty(field)[0].GetString(), StringComparison.Ordinal);
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
