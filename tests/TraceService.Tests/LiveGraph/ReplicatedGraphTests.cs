using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using AirisEpm.DaprTestSidecar.Harness;
using AirisEpm.Protocols.Otlp.Proto;
using AirisEpm.ServiceDefaults.Dapr;
using AirisEpm.ServiceDefaults.Security;
using AirisEpm.TestSupport;
using Google.Protobuf;
using Microsoft.Extensions.DependencyInjection;
using static AirisEpm.TraceService.Tests.Support.OtlpRequests;
using ProtoSpan = AirisEpm.Protocols.Otlp.Proto.Span;

namespace AirisEpm.TraceService.Tests.LiveGraph;

/// <summary>
/// Two trace-service replicas beside the sidecar double, each with its own store, sharing the double's state store,
/// each given part of every trace: the frontend's spans to one, the checkout's to the other. The frontend → checkout
/// call is counted exactly once over both graphs, whichever half arrives first, and neither replica takes the frontend's
/// client span for a call to an uninstrumented peer; the database call stays virtual, once.
/// </summary>
public sealed class ReplicatedGraphTests : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("airis-trace-replicas-").FullName;
    private DaprTestEnvironment _env = null!;
    private RunningApp _one = null!;
    private RunningApp _two = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _env = await DaprTestEnvironment.StartAsync();
        _one = await StartReplicaAsync("one");
        _two = await StartReplicaAsync("two");
    }

    public async ValueTask DisposeAsync()
    {
        await _env.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Theory]
    [InlineData("callee first")]
    [InlineData("caller first")]
    [InlineData("both at once")]
    public async Task The_call_between_spans_at_two_replicas_is_counted_once(string order)
    {
        const int Requests = 5;
        var now = (_env.Clock.GetUtcNow() - DateTimeOffset.UnixEpoch).Ticks * 100;
        var (frontend, checkout) = Traffic(Requests, now);
        switch (order)
        {
            case "callee first":
                await PostAsync(_two, checkout);
                _env.Clock.Advance(TimeSpan.FromSeconds(10)); // the callees are shared before the callers arrive
                await PostAsync(_one, frontend);
                break;
            case "caller first":
                await PostAsync(_one, frontend);
                _env.Clock.Advance(TimeSpan.FromSeconds(10));
                await PostAsync(_two, checkout);
                break;
            default:
                await Task.WhenAll(PostAsync(_one, frontend), PostAsync(_two, checkout));
                break;
        }

        var startMs = now / 1_000_000;
        var edges = await Eventually.ValueAsync(() =>
        {
            var sum = CallsByEdge(startMs);
            return sum.GetValueOrDefault("frontend → checkout") == Requests && sum.GetValueOrDefault("checkout → postgresql/orders") == Requests ? sum : null;
        }, TimeSpan.FromSeconds(30), _env.Clock, TimeSpan.FromSeconds(1), "the call and the database edge over both replicas");

        // Long past every wait: nothing was counted twice, and the frontend's client spans never became a virtual peer.
        _env.Clock.Advance(TimeSpan.FromMinutes(1));
        await Task.Delay(200, Ct);
        Assert.Equal(new Dictionary<string, long>
        {
            ["user → frontend"] = Requests,
            ["frontend → checkout"] = Requests,
            ["checkout → postgresql/orders"] = Requests,
        }, CallsByEdge(startMs));
        Assert.Equal(edges["frontend → checkout"], CallsByEdge(startMs)["frontend → checkout"]);
    }

    private async Task<RunningApp> StartReplicaAsync(string name) =>
        await _env.StartServiceAsync<Program>(AppIds.TraceService, new Dictionary<string, string?>
        {
            ["Traces:Store:DataDirectory"] = Path.Combine(_folder, name),
            ["Traces:Graph:SharedPairing"] = "true",
            ["Traces:Graph:TickInterval"] = "00:00:01",
            ["Traces:SpanMetrics:Enabled"] = "false",
        }, services: s => s.AddSingleton<TimeProvider>(_env.Clock));

    /// <summary>Calls per edge over both replicas' graphs (stored and open buckets) around <paramref name="startMs"/>.</summary>
    private Dictionary<string, long> CallsByEdge(long startMs)
    {
        var sum = new Dictionary<string, long>();
        foreach (var replica in new[] { _one, _two })
        {
            using var client = replica.CreateClient().WithToken(Permissions.TracesRead);
            var graph = client.GetFromJsonAsync<JsonElement>($"/api/v1/dependencies?start={startMs - 600_000}&end={startMs + 600_000}", Ct).GetAwaiter().GetResult();
            foreach (var edge in graph.GetProperty("edges").EnumerateArray())
            {
                var key = $"{edge.GetProperty("from").GetString()} → {edge.GetProperty("to").GetString()}";
                sum[key] = sum.GetValueOrDefault(key) + edge.GetProperty("measures").GetProperty("calls").GetInt64();
            }
        }

        return sum;
    }

    private static async Task PostAsync(RunningApp replica, ExportTraceServiceRequest request)
    {
        using var client = replica.CreateClient().WithToken(Permissions.TracesWrite);
        using var body = new ByteArrayContent(request.ToByteArray());
        body.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/x-protobuf");
        using var response = await client.PostAsync("/v1/traces", body, Ct);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(Ct));
    }

    /// <summary>
    /// <code>
    ///   frontend  SERVER GET /checkout ├──────────────────────┤      (replica one)
    ///   frontend  CLIENT POST (server.address 10.0.0.7) ├─────┤     (replica one)
    ///   checkout  SERVER POST /orders   ├────────────────┤           (replica two)
    ///   checkout  CLIENT INSERT (postgresql orders)  ├──┤            (replica two, uninstrumented)
    /// </code>
    /// </summary>
    private static (ExportTraceServiceRequest Frontend, ExportTraceServiceRequest Checkout) Traffic(int requests, long startNs)
    {
        var frontend = new List<ProtoSpan>();
        var checkout = new List<ProtoSpan>();
        for (var n = 1; n <= requests; n++)
        {
            var trace = n.ToString("x32", CultureInfo.InvariantCulture);
            var at = (ulong)(startNs + (n * 1_000_000L));
            frontend.Add(Span(trace, Id(n, 1), null, "GET /checkout", ProtoSpan.Types.SpanKind.Server, at, 9_000_000));
            frontend.Add(Span(trace, Id(n, 2), Id(n, 1), "POST", ProtoSpan.Types.SpanKind.Client, at + 500_000, 8_000_000, ("server.address", "10.0.0.7")));
            checkout.Add(Span(trace, Id(n, 3), Id(n, 2), "POST /orders", ProtoSpan.Types.SpanKind.Server, at + 1_000_000, 7_000_000));
            checkout.Add(Span(trace, Id(n, 4), Id(n, 3), "INSERT orders", ProtoSpan.Types.SpanKind.Client, at + 1_500_000, 3_000_000,
                ("db.system", "postgresql"), ("db.namespace", "orders")));
        }

        return (Request("frontend", [.. frontend]), Request("checkout", [.. checkout]));
    }

    private static string Id(int n, int span) => ((n * 16) + span).ToString("x16", CultureInfo.InvariantCulture);

    private static ProtoSpan Span(string trace, string id, string? parent, string name, ProtoSpan.Types.SpanKind kind, ulong start, ulong duration,
        params (string Key, string Value)[] attributes)
    {
        var span = new ProtoSpan
        {
            TraceId = Bytes(trace), SpanId = Bytes(id), ParentSpanId = parent is null ? ByteString.Empty : Bytes(parent),
            Name = name, Kind = kind, StartTimeUnixNano = start, EndTimeUnixNano = start + duration,
        };
        span.Attributes.AddRange(attributes.Select(a => Attribute(a.Key, new AnyValue { StringValue = a.Value })));
        return span;
    }
}
