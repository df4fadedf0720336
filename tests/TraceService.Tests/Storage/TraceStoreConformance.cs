using AirisEpm.TraceService.Domain;
using AirisEpm.TraceService.Storage;
using static AirisEpm.TraceService.Tests.Storage.Spans;

namespace AirisEpm.TraceService.Tests.Storage;

/// <summary>
/// What every <see cref="ITraceStore"/> must do. Each implementation derives once and supplies a fresh, empty,
/// initialised store per test (or skips with the reason).
/// </summary>
public abstract class TraceStoreConformance : IAsyncLifetime
{
    private ITraceStore? _store;

    protected ITraceStore Store => _store ?? throw new InvalidOperationException("No store.");

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Returns a fresh, empty, initialised store, or calls Assert.Skip with the reason.</summary>
    protected abstract Task<ITraceStore> CreateStoreAsync();

    public async ValueTask InitializeAsync() => _store = await CreateStoreAsync();

    public virtual ValueTask DisposeAsync()
    {
        (_store as IDisposable)?.Dispose();
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }

    private static TraceQuery Window(long fromMs = -60_000, long toMs = 60_000) => new(At(fromMs), At(toMs));

    private async Task<string[]> FoundAsync(TraceQuery query) => [.. (await Store.SearchAsync(query, Ct)).Select(s => s.TraceId)];

    [Fact]
    public async Task Every_field_round_trips_with_typed_attributes_events_and_links()
    {
        var typed = new Dictionary<string, AttributeValue>
        {
            ["http.method"] = AttributeValue.Of("GET"),
            ["cache.hit"] = new(AttributeType.Bool, "true"),
            ["http.status_code"] = new(AttributeType.Int, "503"),
            ["ratio"] = new(AttributeType.Double, "0.25"),
            ["payload"] = new(AttributeType.Bytes, "AQID"),
            ["empty"] = AttributeValue.Of(""),
        };
        var resource = new Dictionary<string, AttributeValue> { ["service.name"] = AttributeValue.Of("checkout"), ["host.cpus"] = new(AttributeType.Int, "8") };
        var child = new Span(
            Trace(1), Id(2), Id(1), "checkout", "SELECT cart", SpanKind.Client, At(5), 7_000_123, SpanStatus.Error, "deadline exceeded", typed, resource,
            [new SpanEvent(At(6), "exception", new Dictionary<string, AttributeValue> { ["exception.type"] = AttributeValue.Of("Timeout"), ["attempt"] = new(AttributeType.Int, "2") }),
             new SpanEvent(At(7), "retry", new Dictionary<string, AttributeValue>())],
            [new SpanLink(Trace(9), Id(9), new Dictionary<string, AttributeValue> { ["link.kind"] = AttributeValue.Of("batch"), ["sampled"] = new(AttributeType.Bool, "false") })]);
        var root = Make(1, 1, startMs: 0, durationMs: 20) with { Status = SpanStatus.Ok };
        await Store.WriteAsync([child, root], Ct);

        var trace = await Store.GetTraceAsync(Trace(1), Ct);

        Assert.Equal(2, trace.Count);
        AssertSame(root, trace[0]);
        AssertSame(child, trace[1]);
    }

    [Fact]
    public async Task A_trace_comes_back_alone_in_start_order_then_span_id_across_batches()
    {
        await Store.WriteAsync([Make(1, 3, 1, startMs: 5), Make(2, 7, startMs: 1), Make(1, 1, startMs: 0)], Ct);
        await Store.WriteAsync([Make(1, 2, 1, startMs: 5), Make(1, 4, 1, startMs: 3_600_000)], Ct);

        var trace = await Store.GetTraceAsync(Trace(1), Ct);

        Assert.Equal([Id(1), Id(2), Id(3), Id(4)], trace.Select(s => s.SpanId));
        Assert.All(trace, s => Assert.Equal(Trace(1), s.TraceId));
    }

    [Fact]
    public async Task Unknown_ids_give_empty_answers()
    {
        await Store.WriteAsync([Make(1, 1)], Ct);

        Assert.Empty(await Store.GetTraceAsync(Trace(404), Ct));
        Assert.Empty(await Store.GetOperationsAsync("nobody", null, Ct));
        Assert.Empty(await FoundAsync(Window() with { Service = "nobody" }));
        Assert.Empty(await Store.GetSpansAsync(At(1_000), At(2_000), null, Ct));
    }

    [Fact]
    public async Task Rewriting_a_span_collapses_the_copies_on_every_read()
    {
        var span = Make(1, 1, startMs: 0, attributes: Tags(("k", "v")));
        await Store.WriteAsync([span], Ct);
        await Store.WriteAsync([span, Make(1, 2, 1, startMs: 1)], Ct);

        Assert.Equal([Id(1), Id(2)], (await Store.GetTraceAsync(Trace(1), Ct)).Select(s => s.SpanId));
        Assert.Equal(2, Assert.Single(await Store.SearchAsync(Window(), Ct)).SpanCount);
        Assert.Equal(2, (await Store.GetSpansAsync(At(-1), At(10), null, Ct)).Count);
    }

    [Fact]
    public async Task A_shared_span_id_of_a_client_and_its_server_keeps_both()
    {
        await Store.WriteAsync([Make(1, 1, service: "web", kind: SpanKind.Client), Make(1, 1, service: "api", kind: SpanKind.Server, startMs: 1)], Ct);

        var trace = await Store.GetTraceAsync(Trace(1), Ct);

        Assert.Equal([("web", SpanKind.Client), ("api", SpanKind.Server)], trace.Select(s => (s.Service, s.Kind)));
    }

    [Fact]
    public async Task Search_by_service_alone()
    {
        await Store.WriteAsync([Make(1, 1, service: "web"), Make(1, 2, 1, service: "db", startMs: 1), Make(2, 1, service: "api", startMs: 2)], Ct);

        Assert.Equal([Trace(1)], await FoundAsync(Window() with { Service = "db" }));
    }

    [Fact]
    public async Task Search_by_operation_alone()
    {
        await Store.WriteAsync([Make(1, 1, name: "GET /a"), Make(2, 1, name: "GET /b", startMs: 1)], Ct);

        Assert.Equal([Trace(2)], await FoundAsync(Window() with { Operation = "GET /b" }));
    }

    [Fact]
    public async Task Search_by_tags_matches_span_attributes_and_resource_attributes()
    {
        await Store.WriteAsync(
        [
            Make(1, 1, attributes: Tags(("http.status_code", "500"))),
            Make(2, 1, startMs: 1, resource: Tags(("deployment.environment", "prod"))),
            Make(3, 1, startMs: 2, attributes: Tags(("http.status_code", "200")), resource: Tags(("deployment.environment", "dev"))),
            Make(4, 1, startMs: 3, attributes: Tags(("http.status_code", "500")), resource: Tags(("deployment.environment", "prod"))),
        ], Ct);

        Assert.Equal([Trace(4), Trace(1)], await FoundAsync(Window() with { Tags = new Dictionary<string, string> { ["http.status_code"] = "500" } }));
        Assert.Equal([Trace(4), Trace(2)], await FoundAsync(Window() with { Tags = new Dictionary<string, string> { ["deployment.environment"] = "prod" } }));
        Assert.Equal([Trace(4)], await FoundAsync(Window() with { Tags = new Dictionary<string, string> { ["http.status_code"] = "500", ["deployment.environment"] = "prod" } }));
    }

    [Fact]
    public async Task Typed_tags_match_their_text_and_an_empty_value_matches_only_a_present_key()
    {
        await Store.WriteAsync(
        [
            Make(1, 1, attributes: new Dictionary<string, AttributeValue> { ["error"] = new(AttributeType.Bool, "true"), ["empty"] = AttributeValue.Of("") }),
            Make(2, 1, startMs: 1, attributes: Tags(("other", "x"))),
        ], Ct);

        Assert.Equal([Trace(1)], await FoundAsync(Window() with { Tags = new Dictionary<string, string> { ["error"] = "true" } }));
        Assert.Equal([Trace(1)], await FoundAsync(Window() with { Tags = new Dictionary<string, string> { ["empty"] = "" } }));
    }

    [Fact]
    public async Task Tag_text_is_a_value_never_sql()
    {
        await Store.WriteAsync([Make(1, 1, attributes: Tags(("k", "v")))], Ct);

        Assert.Empty(await FoundAsync(Window() with { Tags = new Dictionary<string, string> { ["k' OR 1=1 --"] = "v' OR '1'='1", ["{x:String}"] = "$1" } }));
        Assert.Empty(await FoundAsync(Window() with { Service = "checkout' OR '1'='1" }));
        Assert.Equal([Trace(1)], await FoundAsync(Window() with { Tags = new Dictionary<string, string> { ["k"] = "v" } }));
    }

    [Fact]
    public async Task Duration_bounds_are_inclusive()
    {
        await Store.WriteAsync([Make(1, 1, durationMs: 10), Make(2, 1, startMs: 1, durationMs: 20), Make(3, 1, startMs: 2, durationMs: 30)], Ct);
        const long Ms = 1_000_000;

        Assert.Equal([Trace(3), Trace(2)], await FoundAsync(Window() with { MinDurationNs = 20 * Ms }));
        Assert.Equal([Trace(2), Trace(1)], await FoundAsync(Window() with { MaxDurationNs = 20 * Ms }));
        Assert.Equal([Trace(2)], await FoundAsync(Window() with { MinDurationNs = 20 * Ms, MaxDurationNs = 20 * Ms }));
    }

    [Fact]
    public async Task The_window_is_half_open()
    {
        await Store.WriteAsync([Make(1, 1, startMs: 0), Make(2, 1, startMs: 999), Make(3, 1, startMs: 1_000), Make(4, 1, startMs: -1)], Ct);

        Assert.Equal([Trace(2), Trace(1)], await FoundAsync(new TraceQuery(At(0), At(1_000))));
    }

    [Fact]
    public async Task Results_are_newest_first_by_latest_matching_span_and_limited()
    {
        await Store.WriteAsync(
        [
            Make(1, 1, startMs: 0), Make(1, 2, 1, startMs: 50),
            Make(2, 1, startMs: 10),
            Make(3, 1, startMs: 30), Make(3, 2, 1, startMs: 40, service: "db"),
        ], Ct);

        Assert.Equal([Trace(1), Trace(3), Trace(2)], await FoundAsync(Window()));
        Assert.Equal([Trace(1), Trace(3)], await FoundAsync(Window() with { Limit = 2 }));
        Assert.Equal([Trace(3), Trace(2), Trace(1)], await FoundAsync(Window() with { Service = "checkout", MaxDurationNs = 10_000_000, Operation = "GET /cart", StartNs = At(0), EndNs = At(35) }));
    }

    [Fact]
    public async Task Combined_conditions_must_hold_on_one_span()
    {
        await Store.WriteAsync(
        [
            Make(1, 1, service: "web", name: "GET /", durationMs: 5), Make(1, 2, 1, service: "db", name: "SELECT", startMs: 1, durationMs: 50, attributes: Tags(("db.system", "postgres"))),
            Make(2, 1, service: "db", name: "SELECT", startMs: 2, durationMs: 60, attributes: Tags(("db.system", "postgres"))),
        ], Ct);

        Assert.Empty(await FoundAsync(Window() with { Service = "web", Operation = "SELECT" }));
        Assert.Equal([Trace(2), Trace(1)], await FoundAsync(Window() with
        {
            Service = "db", Operation = "SELECT", MinDurationNs = 50_000_000, Tags = new Dictionary<string, string> { ["db.system"] = "postgres" },
        }));
        Assert.Equal([Trace(2)], await FoundAsync(Window() with { Service = "db", MinDurationNs = 55_000_000 }));
    }

    [Fact]
    public async Task A_summary_describes_the_whole_trace()
    {
        await Store.WriteAsync(
        [
            Make(1, 1, service: "web", name: "GET /checkout", startMs: 0, durationMs: 100),
            Make(1, 2, 1, service: "api", name: "POST /pay", kind: SpanKind.Client, startMs: 10, durationMs: 50, status: SpanStatus.Error),
            Make(1, 3, 2, service: "db", name: "INSERT", startMs: 20, durationMs: 150, status: SpanStatus.Error),
        ], Ct);
        await Store.WriteAsync([Make(1, 4, 1, service: "api", name: "late", startMs: 120_000, durationMs: 1)], Ct);

        var summary = Assert.Single(await Store.SearchAsync(Window(0, 100) with { Service = "db" }, Ct));

        Assert.Equal(
            (Trace(1), "web", "GET /checkout", At(0), At(120_001) - At(0), 4, 2),
            (summary.TraceId, summary.RootService, summary.RootOperation, summary.StartNs, summary.DurationNs, summary.SpanCount, summary.ErrorCount));
        Assert.Equal(["api", "db", "web"], summary.Services);
    }

    [Fact]
    public async Task Without_its_root_a_trace_is_summarised_from_its_earliest_span()
    {
        await Store.WriteAsync(
        [
            Make(1, 3, 1, service: "db", name: "SELECT", startMs: 30, durationMs: 5),
            Make(1, 2, 1, service: "api", name: "GET /b", startMs: 10, durationMs: 40),
            Make(1, 5, 1, service: "web", name: "GET /a", startMs: 10, durationMs: 1),
        ], Ct);

        var summary = Assert.Single(await Store.SearchAsync(Window(), Ct));

        Assert.Equal(("api", "GET /b", At(10), 40_000_000L, 3, 0), (summary.RootService, summary.RootOperation, summary.StartNs, summary.DurationNs, summary.SpanCount, summary.ErrorCount));
    }

    [Fact]
    public async Task Services_are_distinct_and_ordered()
    {
        await Store.WriteAsync([Make(1, 1, service: "web"), Make(1, 2, service: "api"), Make(2, 1, service: "web"), Make(3, 1, service: "Zeta")], Ct);

        Assert.Equal(["Zeta", "api", "web"], await Store.GetServicesAsync(Ct));
    }

    [Fact]
    public async Task Operations_of_a_service_with_and_without_a_kind()
    {
        await Store.WriteAsync(
        [
            Make(1, 1, service: "api", name: "GET /b", kind: SpanKind.Server),
            Make(1, 2, service: "api", name: "GET /b", kind: SpanKind.Server, startMs: 1),
            Make(1, 3, service: "api", name: "GET /b", kind: SpanKind.Client, startMs: 2),
            Make(1, 4, service: "api", name: "GET /a", kind: SpanKind.Internal, startMs: 3),
            Make(1, 5, service: "web", name: "GET /c", kind: SpanKind.Server, startMs: 4),
        ], Ct);

        Assert.Equal(
            [new Operation("GET /a", SpanKind.Internal), new Operation("GET /b", SpanKind.Server), new Operation("GET /b", SpanKind.Client)],
            await Store.GetOperationsAsync("api", null, Ct));
        Assert.Equal([new Operation("GET /b", SpanKind.Server)], await Store.GetOperationsAsync("api", SpanKind.Server, Ct));
        Assert.Empty(await Store.GetOperationsAsync("api", SpanKind.Producer, Ct));
    }

    [Fact]
    public async Task Spans_of_a_window_with_and_without_a_service()
    {
        await Store.WriteAsync([Make(1, 1, service: "web", startMs: 0), Make(1, 2, 1, service: "db", startMs: 5), Make(2, 1, service: "web", startMs: 10), Make(3, 1, startMs: 11)], Ct);

        Assert.Equal([(Trace(1), Id(1)), (Trace(1), Id(2)), (Trace(2), Id(1))], (await Store.GetSpansAsync(At(0), At(11), null, Ct)).Select(s => (s.TraceId, s.SpanId)));
        Assert.Equal([(Trace(1), Id(1)), (Trace(2), Id(1))], (await Store.GetSpansAsync(At(0), At(11), "web", Ct)).Select(s => (s.TraceId, s.SpanId)));
    }

    [Fact]
    public async Task Retention_deletes_spans_started_before_the_cutoff()
    {
        await Store.WriteAsync([Make(1, 1, startMs: 0), Make(1, 2, 1, startMs: 10), Make(2, 1, service: "old", startMs: 5)], Ct);
        await Store.WriteAsync([Make(3, 1, startMs: 20)], Ct);

        Assert.Equal(2, await Store.DeleteOlderThanAsync(At(10), Ct));

        Assert.Equal([Id(2)], (await Store.GetTraceAsync(Trace(1), Ct)).Select(s => s.SpanId));
        Assert.Empty(await Store.GetTraceAsync(Trace(2), Ct));
        Assert.Equal([Trace(3), Trace(1)], await FoundAsync(Window()));
        Assert.Equal(["checkout"], await Store.GetServicesAsync(Ct));
        Assert.Equal(0, await Store.DeleteOlderThanAsync(At(10), Ct));
    }

    [Fact]
    public async Task Ping_answers()
    {
        await Store.PingAsync(Ct);
        Assert.Empty(await Store.GetServicesAsync(Ct));
    }

    private static void AssertSame(Span expected, Span actual)
    {
        Assert.Equal(
            (expected.TraceId, expected.SpanId, expected.ParentSpanId, expected.Service, expected.Name, expected.Kind, expected.StartNs, expected.DurationNs, expected.Status, expected.StatusMessage),
            (actual.TraceId, actual.SpanId, actual.ParentSpanId, actual.Service, actual.Name, actual.Kind, actual.StartNs, actual.DurationNs, actual.Status, actual.StatusMessage));
        Assert.Equal(expected.Attributes.OrderBy(a => a.Key, StringComparer.Ordinal), actual.Attributes.OrderBy(a => a.Key, StringComparer.Ordinal));
        Assert.Equal(expected.Resource.OrderBy(a => a.Key, StringComparer.Ordinal), actual.Resource.OrderBy(a => a.Key, StringComparer.Ordinal));
        Assert.Equal(expected.Events.Count, actual.Events.Count);
        foreach (var (e, a) in expected.Events.Zip(actual.Events))
        {
            Assert.Equal((e.TimeNs, e.Name), (a.TimeNs, a.Name));
            Assert.Equal(e.Attributes.OrderBy(x => x.Key, StringComparer.Ordinal), a.Attributes.OrderBy(x => x.Key, StringComparer.Ordinal));
        }

        Assert.Equal(expected.Links.Count, actual.Links.Count);
        foreach (var (e, a) in expected.Links.Zip(actual.Links))
        {
            Assert.Equal((e.TraceId, e.SpanId), (a.TraceId, a.SpanId));
            Assert.Equal(e.Attributes.OrderBy(x => x.Key, StringComparer.Ordinal), a.Attributes.OrderBy(x => x.Key, StringComparer.Ordinal));
        }
    }
}
