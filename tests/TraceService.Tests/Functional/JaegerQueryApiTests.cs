using System.Net;
using System.Text.Json;
using AirisEpm.ServiceDefaults.Security;
using AirisEpm.TestSupport;
using AirisEpm.TraceService.Domain;
using AirisEpm.TraceService.Storage;
using Microsoft.Extensions.DependencyInjection;
using static AirisEpm.TraceService.Tests.Storage.Spans;

namespace AirisEpm.TraceService.Tests.Functional;

/// <summary>Jaeger's query API over the embedded store, in Jaeger's shapes, as the Jaeger UI and Grafana call it.</summary>
public sealed class JaegerQueryApiTests : IAsyncLifetime
{
    private readonly ServiceFactory<Program> _factory = new();
    private HttpClient _client = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _client = _factory.CreateClient().WithToken(Permissions.TracesRead);
        var store = _factory.Services.GetRequiredService<ITraceStore>();
        await store.WriteAsync(
        [
            Make(1, 1, service: "frontend", name: "GET /checkout", startMs: 0, durationMs: 120),
            Make(1, 2, parent: 1, service: "frontend", name: "POST payments", kind: SpanKind.Client, startMs: 10, durationMs: 100),
            Make(1, 3, parent: 2, service: "payments", name: "POST /charge", startMs: 15, durationMs: 90, status: SpanStatus.Error,
                attributes: Tags(("http.status_code", "502"))),
            Make(2, 1, service: "frontend", name: "GET /home", startMs: 1_000, durationMs: 5),
        ], Ct);
    }

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task Services_and_operations_in_jaegers_envelope()
    {
        var services = await GetAsync("/api/services");
        Assert.Equal(["frontend", "payments"], services.GetProperty("data").EnumerateArray().Select(e => e.GetString()).Order());
        Assert.Equal(2, services.GetProperty("total").GetInt32());
        Assert.Equal(JsonValueKind.Null, services.GetProperty("errors").ValueKind);

        var names = await GetAsync("/api/services/frontend/operations");
        Assert.Equal(["GET /checkout", "GET /home", "POST payments"], names.GetProperty("data").EnumerateArray().Select(e => e.GetString()));

        var clients = await GetAsync("/api/operations?service=frontend&spanKind=client");
        var op = Assert.Single(clients.GetProperty("data").EnumerateArray());
        Assert.Equal(("POST payments", "client"), (op.GetProperty("name").GetString(), op.GetProperty("spanKind").GetString()));
    }

    [Fact]
    public async Task A_trace_by_id_has_spans_references_typed_tags_and_processes()
    {
        var body = await GetAsync("/api/traces/" + Trace(1).TrimStart('0'));

        var trace = Assert.Single(body.GetProperty("data").EnumerateArray());
        Assert.Equal(Trace(1), trace.GetProperty("traceID").GetString());
        var spans = trace.GetProperty("spans").EnumerateArray().ToDictionary(s => s.GetProperty("spanID").GetString()!);
        Assert.Equal(3, spans.Count);
        var charge = spans[Id(3)];
        var reference = Assert.Single(charge.GetProperty("references").EnumerateArray());
        Assert.Equal(("CHILD_OF", Id(2)), (reference.GetProperty("refType").GetString(), reference.GetProperty("spanID").GetString()));
        Assert.Equal(At(15) / 1_000, charge.GetProperty("startTime").GetInt64());
        Assert.Equal(90_000, charge.GetProperty("duration").GetInt64());
        var tags = charge.GetProperty("tags").EnumerateArray().ToDictionary(t => t.GetProperty("key").GetString()!);
        Assert.True(tags["error"].GetProperty("value").GetBoolean());
        Assert.Equal("server", tags["span.kind"].GetProperty("value").GetString());
        var processes = trace.GetProperty("processes");
        Assert.Equal("payments", processes.GetProperty(charge.GetProperty("processID").GetString()!).GetProperty("serviceName").GetString());
    }

    [Fact]
    public async Task Search_returns_whole_traces_matching_service_tags_and_duration()
    {
        var window = $"&start={At(-60_000) / 1_000}&end={At(60_000) / 1_000}";

        var byTag = await GetAsync("/api/traces?service=payments&tags=%7B%22http.status_code%22%3A%22502%22%7D" + window);
        var trace = Assert.Single(byTag.GetProperty("data").EnumerateArray());
        Assert.Equal(3, trace.GetProperty("spans").GetArrayLength());

        var slow = await GetAsync("/api/traces?service=frontend&minDuration=50ms" + window);
        Assert.Equal([Trace(1)], slow.GetProperty("data").EnumerateArray().Select(t => t.GetProperty("traceID").GetString()));

        var all = await GetAsync("/api/traces?service=frontend&limit=10" + window);
        Assert.Equal(2, all.GetProperty("data").GetArrayLength());
    }

    [Theory]
    [InlineData("/api/traces", HttpStatusCode.BadRequest, "parameter 'service' is required")]
    [InlineData("/api/traces?service=a&minDuration=soon", HttpStatusCode.BadRequest, "cannot parse minDuration")]
    [InlineData("/api/traces/not-hex", HttpStatusCode.BadRequest, "malformed trace id")]
    [InlineData("/api/traces/0123456789abcdef", HttpStatusCode.NotFound, "trace not found")]
    [InlineData("/api/operations", HttpStatusCode.BadRequest, "parameter 'service' is required")]
    [InlineData("/api/operations?service=a&spanKind=sideways", HttpStatusCode.BadRequest, "unsupported span kind")]
    public async Task Errors_are_jaegers_envelope_naming_the_problem(string path, HttpStatusCode status, string message)
    {
        using var response = await _client.GetAsync(path, Ct);
        Assert.Equal(status, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        var error = Assert.Single(json.RootElement.GetProperty("errors").EnumerateArray());
        Assert.Equal((int)status, error.GetProperty("code").GetInt32());
        Assert.Contains(message, error.GetProperty("msg").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("data").ValueKind);
    }

    [Fact]
    public async Task Needs_traces_read()
    {
        using var anonymous = await _factory.CreateClient().GetAsync("/api/services", Ct);
        using var writer = await _factory.CreateClient().WithToken(Permissions.TracesWrite).GetAsync("/api/services", Ct);
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
