using System.Net;
using System.Text.Json;
using AirisEpm.ServiceDefaults.Security;
using AirisEpm.TestSupport;
using AirisEpm.TraceService.Domain;
using AirisEpm.TraceService.Storage;
using AirisEpm.TraceService.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using static AirisEpm.TraceService.Tests.Storage.Spans;

namespace AirisEpm.TraceService.Tests.Functional;

/// <summary>
/// <c>GET /api/v1/traces/{id}</c> and <c>/critical-path</c> over the embedded store. The trace, in ms (payments' clock runs 10 ms
/// behind, so its span starts before the client call that caused it and is moved +10 ms, centred in the call):
/// <code>
///   0    10   15             105 110 120        200  210
///   A |=====================================|              frontend GET /checkout
///   B      |==============================|                frontend POST payments (client)
///   C   |==========================|  (recorded 5..95)     payments POST /charge, adjusted to 15..105
///   W                                           |====|     worker consume (parent 8 not stored: an orphan)
/// </code>
/// Critical path: A [0,10) B [10,15) C [15,105) B [105,110) A [110,120), then W [200,210).
/// </summary>
public sealed class TraceViewApiTests : IAsyncLifetime
{
    private readonly ServiceFactory<Program> _factory = new();
    private HttpClient _client = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _client = _factory.CreateClient().WithToken(Permissions.TracesRead);
        var charge = Make(1, 3, parent: 2, service: "payments", name: "POST /charge", startMs: 5, durationMs: 90, status: SpanStatus.Error) with
        {
            Attributes = new Dictionary<string, AttributeValue>
            {
                ["http.status_code"] = new(AttributeType.Int, "502"),
                ["retry"] = new(AttributeType.Bool, "true"),
                ["ratio"] = new(AttributeType.Double, "0.25"),
                ["peer"] = AttributeValue.Of("card-gateway"),
            },
            Events = [new SpanEvent(At(50), "exception", new Dictionary<string, AttributeValue> { ["exception.type"] = AttributeValue.Of("Timeout") })],
            Links = [new SpanLink(Trace(2), Id(1), new Dictionary<string, AttributeValue>())],
        };
        await _factory.Services.GetRequiredService<ITraceStore>().WriteAsync(
        [
            Make(1, 1, service: "frontend", name: "GET /checkout", startMs: 0, durationMs: 120),
            Make(1, 2, parent: 1, service: "frontend", name: "POST payments", kind: SpanKind.Client, startMs: 10, durationMs: 100),
            charge,
            Make(1, 9, parent: 8, service: "worker", name: "consume", kind: SpanKind.Consumer, startMs: 200, durationMs: 10),
        ], Ct);
    }

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task A_trace_has_every_span_field_typed_attributes_and_the_tree()
    {
        var trace = await GetAsync("/api/v1/traces/" + Trace(1).TrimStart('0').ToUpperInvariant());

        Assert.Equal(Trace(1), trace.GetProperty("traceId").GetString());
        Assert.Equal(4, trace.GetProperty("spanCount").GetInt32());
        Assert.Equal(["frontend", "payments", "worker"], trace.GetProperty("services").EnumerateArray().Select(e => e.GetString()));
        var spans = trace.GetProperty("spans").EnumerateArray().ToDictionary(s => s.GetProperty("spanId").GetString()!);
        var charge = spans[Id(3)];
        Assert.Equal(Id(2), charge.GetProperty("parentSpanId").GetString());
        Assert.Equal(("payments", "POST /charge", "server"), (charge.GetProperty("service").GetString(), charge.GetProperty("name").GetString(), charge.GetProperty("kind").GetString()));
        Assert.Equal(("error", "boom"), (charge.GetProperty("status").GetString(), charge.GetProperty("statusMessage").GetString()));
        Assert.Equal(90_000_000, charge.GetProperty("durationNs").GetInt64());
        var attributes = charge.GetProperty("attributes");
        Assert.Equal(("int", 502), (attributes.GetProperty("http.status_code").GetProperty("type").GetString(), attributes.GetProperty("http.status_code").GetProperty("value").GetInt32()));
        Assert.True(attributes.GetProperty("retry").GetProperty("value").GetBoolean());
        Assert.Equal(0.25, attributes.GetProperty("ratio").GetProperty("value").GetDouble());
        Assert.Equal("card-gateway", attributes.GetProperty("peer").GetProperty("value").GetString());
        Assert.Equal("payments", charge.GetProperty("resource").GetProperty("service.name").GetProperty("value").GetString());
        var ev = Assert.Single(charge.GetProperty("events").EnumerateArray());
        Assert.Equal(("exception", "Timeout"), (ev.GetProperty("name").GetString(), ev.GetProperty("attributes").GetProperty("exception.type").GetProperty("value").GetString()));
        var link = Assert.Single(charge.GetProperty("links").EnumerateArray());
        Assert.Equal((Trace(2), Id(1)), (link.GetProperty("traceId").GetString(), link.GetProperty("spanId").GetString()));

        var tree = trace.GetProperty("tree");
        Assert.Equal([Id(1), Id(9)], tree.GetProperty("roots").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal([Id(9)], tree.GetProperty("orphans").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal([Id(2)], tree.GetProperty("children").GetProperty(Id(1)).EnumerateArray().Select(e => e.GetString()));
        Assert.Equal([Id(3)], tree.GetProperty("children").GetProperty(Id(2)).EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(0, tree.GetProperty("children").GetProperty(Id(3)).GetArrayLength());
    }

    [Fact]
    public async Task Clock_skew_is_applied_to_span_and_event_times_and_reported()
    {
        var trace = await GetAsync("/api/v1/traces/" + Trace(1));

        var charge = trace.GetProperty("spans").EnumerateArray().Single(s => s.GetProperty("spanId").GetString() == Id(3));
        Assert.Equal(At(15), charge.GetProperty("startNs").GetInt64());
        Assert.Equal(10_000_000, charge.GetProperty("skewNs").GetInt64());
        Assert.Equal(At(60), charge.GetProperty("events")[0].GetProperty("timeNs").GetInt64());
        var skew = trace.GetProperty("clockSkew");
        Assert.True(skew.GetProperty("adjusted").GetBoolean());
        var shift = Assert.Single(skew.GetProperty("shifts").EnumerateArray());
        Assert.Equal((Id(3), 10_000_000L, Id(3)), (shift.GetProperty("spanId").GetString(), shift.GetProperty("deltaNs").GetInt64(), shift.GetProperty("originSpanId").GetString()));
        Assert.Equal(0, skew.GetProperty("skipped").GetArrayLength());
    }

    [Fact]
    public async Task The_critical_path_walks_the_adjusted_trace()
    {
        var path = await GetAsync($"/api/v1/traces/{Trace(1)}/critical-path");

        var segments = path.GetProperty("segments").EnumerateArray()
            .Select(s => (s.GetProperty("spanId").GetString(), (s.GetProperty("startNs").GetInt64() - Base) / 1_000_000, (s.GetProperty("endNs").GetInt64() - Base) / 1_000_000))
            .ToList();
        Assert.Equal(
            [(Id(1), 0L, 10L), (Id(2), 10L, 15L), (Id(3), 15L, 105L), (Id(2), 105L, 110L), (Id(1), 110L, 120L), (Id(9), 200L, 210L)],
            segments);
        Assert.Equal(130_000_000, path.GetProperty("totalNs").GetInt64());
        var first = path.GetProperty("spans")[0];
        Assert.Equal((Id(3), "payments", 90_000_000L, 90_000_000L), (first.GetProperty("spanId").GetString(), first.GetProperty("service").GetString(),
            first.GetProperty("criticalNs").GetInt64(), first.GetProperty("selfNs").GetInt64()));
        var root = path.GetProperty("spans").EnumerateArray().Single(s => s.GetProperty("spanId").GetString() == Id(1));
        Assert.Equal((20_000_000L, 20_000_000L), (root.GetProperty("criticalNs").GetInt64(), root.GetProperty("selfNs").GetInt64()));
        Assert.Single(path.GetProperty("clockSkew").GetProperty("shifts").EnumerateArray());
    }

    [Fact]
    public async Task The_outline_lists_the_tree_depth_first_as_columns_with_a_string_table_and_the_critical_path()
    {
        var outline = await GetAsync($"/api/v1/traces/{Trace(1)}/outline");

        var strings = outline.GetProperty("strings").EnumerateArray().Select(e => e.GetString()!).ToList();
        var spans = outline.GetProperty("spans");
        long[] Numbers(string column) => [.. spans.GetProperty(column).EnumerateArray().Select(e => e.GetInt64())];
        string[] Texts(string column) => [.. Numbers(column).Select(i => strings[(int)i])];
        Assert.Equal((At(0), 4, true), (outline.GetProperty("startNs").GetInt64(), outline.GetProperty("spanCount").GetInt32(), outline.GetProperty("clockSkewAdjusted").GetBoolean()));
        Assert.Equal([Id(1), Id(2), Id(3), Id(9)], spans.GetProperty("spanId").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal([-1L, 0, 1, -1], Numbers("parent"));
        Assert.Equal(["frontend", "frontend", "payments", "worker"], Texts("service"));
        Assert.Equal(["GET /checkout", "POST payments", "POST /charge", "consume"], Texts("name"));
        Assert.Equal([2L, 3, 2, 5], Numbers("kind"));
        Assert.Equal([0L, 0, 2, 0], Numbers("status"));
        Assert.Equal([0L, 10_000_000, 15_000_000, 200_000_000], Numbers("startNs"));
        Assert.Equal([0L, 0, 10_000_000, 0], Numbers("skewNs"));
        Assert.Equal([20_000_000L, 10_000_000, 90_000_000, 10_000_000], Numbers("criticalNs"));
        var charge = spans.GetProperty("attributes")[2].EnumerateArray().Select(e => strings[e.GetInt32()]).ToList();
        Assert.Equal(["http.status_code", "502", "peer", "card-gateway", "ratio", "0.25", "retry", "true"], charge);

        var path = outline.GetProperty("criticalPath");
        Assert.Equal(130_000_000, path.GetProperty("totalNs").GetInt64());
        var segments = path.GetProperty("segments").EnumerateArray().Select(e => e.GetInt64()).Chunk(3)
            .Select(s => (Position: s[0], StartMs: s[1] / 1_000_000, DurationMs: s[2] / 1_000_000)).ToList();
        Assert.Equal([(0L, 0L, 10L), (1, 10, 5), (2, 15, 90), (1, 105, 5), (0, 110, 10), (3, 200, 10)], segments);
    }

    [Fact]
    public async Task One_span_comes_whole_and_adjusted_by_its_id()
    {
        var charge = await GetAsync($"/api/v1/traces/{Trace(1)}/spans/{Id(3).ToUpperInvariant()}");

        Assert.Equal((Id(3), "boom", At(15), 10_000_000L), (charge.GetProperty("spanId").GetString(), charge.GetProperty("statusMessage").GetString(),
            charge.GetProperty("startNs").GetInt64(), charge.GetProperty("skewNs").GetInt64()));
        Assert.Equal("payments", charge.GetProperty("resource").GetProperty("service.name").GetProperty("value").GetString());
        Assert.Equal(At(60), charge.GetProperty("events")[0].GetProperty("timeNs").GetInt64());

        using var unknown = await _client.GetAsync($"/api/v1/traces/{Trace(1)}/spans/{Id(7)}", Ct);
        Assert.Contains(Id(7), (await unknown.ProblemAsync(HttpStatusCode.NotFound)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        using var malformed = await _client.GetAsync($"/api/v1/traces/{Trace(1)}/spans/xyz", Ct);
        Assert.Contains("hex digits", (await malformed.ProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").GetProperty("spanId")[0].GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/v1/traces/{0}")]
    [InlineData("/api/v1/traces/{0}/critical-path")]
    [InlineData("/api/v1/traces/{0}/outline")]
    [InlineData("/api/v1/traces/{0}/spans/0000000000000001")]
    public async Task An_unknown_trace_is_a_404_problem_naming_the_id(string route)
    {
        using var response = await _client.GetAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, route, "abc123"), Ct);

        var problem = await response.ProblemAsync(HttpStatusCode.NotFound);
        Assert.Contains("00000000000000000000000000abc123", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/v1/traces/{0}", "not-hex")]
    [InlineData("/api/v1/traces/{0}", "0123456789abcdef0123456789abcdef0")]
    [InlineData("/api/v1/traces/{0}/critical-path", "zz")]
    [InlineData("/api/v1/traces/{0}/outline", "zz")]
    [InlineData("/api/v1/traces/{0}/spans/0000000000000001", "zz")]
    public async Task A_malformed_id_is_a_400_problem_naming_the_parameter(string route, string id)
    {
        using var response = await _client.GetAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, route, id), Ct);

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("hex digits", problem.GetProperty("errors").GetProperty("traceId")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reading_needs_traces_read()
    {
        using var anonymous = await _factory.CreateClient().GetAsync("/api/v1/traces/" + Trace(1), Ct);
        using var writer = await _factory.CreateClient().WithToken(Permissions.TracesWrite).GetAsync($"/api/v1/traces/{Trace(1)}/critical-path", Ct);

        Assert.Equal((HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden), (anonymous.StatusCode, writer.StatusCode));
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
