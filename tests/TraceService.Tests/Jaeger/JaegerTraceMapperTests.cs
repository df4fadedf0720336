using AirisEpm.TraceService.Apis.Jaeger;
using AirisEpm.TraceService.Domain;

namespace AirisEpm.TraceService.Tests.Jaeger;

public sealed class JaegerTraceMapperTests
{
    private const string TraceId = "0af7651916cd43dd8448eb211c80319c";

    [Fact]
    public void Maps_a_span_as_jaegers_otlp_receiver_does()
    {
        var span = Span("b7ad6b7169203331", "00f067aa0ba902b7", "orders", SpanKind.Client, SpanStatus.Error, "timeout") with
        {
            Attributes = new Dictionary<string, AttributeValue>
            {
                ["http.status_code"] = new(AttributeType.Int, "504"),
                ["retry"] = new(AttributeType.Bool, "true"),
                ["ratio"] = new(AttributeType.Double, "0.25"),
                ["payload"] = new(AttributeType.Bytes, "AAE="),
                ["peer.service"] = AttributeValue.Of("db"),
            },
            Events = [new SpanEvent(1_700_000_000_500_000_000, "retrying", new Dictionary<string, AttributeValue> { ["attempt"] = new(AttributeType.Int, "2") })],
            Links = [new SpanLink("11111111111111111111111111111111", "2222222222222222", new Dictionary<string, AttributeValue>())],
        };

        var jaeger = JaegerTraceMapper.ToSpan(span, "p1");

        Assert.Equal(1_700_000_000_000_000, jaeger.StartTime);
        Assert.Equal(1_250_000, jaeger.Duration);
        Assert.Equal("p1", jaeger.ProcessId);
        Assert.Equal(
            [new JaegerReference("CHILD_OF", TraceId, "00f067aa0ba902b7"), new JaegerReference("FOLLOWS_FROM", "11111111111111111111111111111111", "2222222222222222")],
            jaeger.References);
        var tags = jaeger.Tags.ToDictionary(t => t.Key, t => (t.Type, t.Value));
        Assert.Equal(("int64", (object)504L), tags["http.status_code"]);
        Assert.Equal(("bool", (object)true), tags["retry"]);
        Assert.Equal(("float64", (object)0.25), tags["ratio"]);
        Assert.Equal(("binary", (object)"AAE="), tags["payload"]);
        Assert.Equal(("string", (object)"client"), tags["span.kind"]);
        Assert.Equal(("string", (object)"ERROR"), tags["otel.status_code"]);
        Assert.Equal(("bool", (object)true), tags["error"]);
        Assert.Equal(("string", (object)"timeout"), tags["otel.status_description"]);
        var log = Assert.Single(jaeger.Logs);
        Assert.Equal(1_700_000_000_500_000, log.Timestamp);
        Assert.Equal([("event", "string", (object)"retrying"), ("attempt", "int64", (object)2L)], log.Fields.Select(f => (f.Key, f.Type, f.Value)));
    }

    [Fact]
    public void A_root_span_has_no_references_and_an_unset_status_adds_no_status_tags()
    {
        var jaeger = JaegerTraceMapper.ToSpan(Span("b7ad6b7169203331", null, "orders", SpanKind.Unspecified, SpanStatus.Unset, null), "p1");
        Assert.Empty(jaeger.References);
        Assert.DoesNotContain(jaeger.Tags, t => t.Key is "span.kind" or "otel.status_code" or "error" or "otel.status_description");
    }

    [Fact]
    public void One_process_per_distinct_service_and_resource_in_order_of_appearance()
    {
        var hostA = new Dictionary<string, AttributeValue> { ["service.name"] = AttributeValue.Of("orders"), ["host.name"] = AttributeValue.Of("a") };
        var hostB = new Dictionary<string, AttributeValue> { ["service.name"] = AttributeValue.Of("orders"), ["host.name"] = AttributeValue.Of("b") };
        var spans = new[]
        {
            Span("0000000000000001", null, "orders", SpanKind.Server, SpanStatus.Unset, null) with { Resource = hostA },
            Span("0000000000000002", "0000000000000001", "payments", SpanKind.Server, SpanStatus.Unset, null),
            Span("0000000000000003", "0000000000000001", "orders", SpanKind.Internal, SpanStatus.Unset, null) with { Resource = hostA },
            Span("0000000000000004", "0000000000000001", "orders", SpanKind.Internal, SpanStatus.Unset, null) with { Resource = hostB },
        };

        var trace = JaegerTraceMapper.ToTrace(TraceId, spans);

        Assert.Equal(["p1", "p2", "p1", "p3"], trace.Spans.Select(s => s.ProcessId));
        Assert.Equal("orders", trace.Processes["p1"].ServiceName);
        Assert.Equal([("host.name", "string", (object)"a")], trace.Processes["p1"].Tags.Select(t => (t.Key, t.Type, t.Value)));
        Assert.Equal("payments", trace.Processes["p2"].ServiceName);
        Assert.Equal("b", trace.Processes["p3"].Tags.Single().Value);
    }

    [Fact]
    public void A_typed_value_that_does_not_parse_is_kept_as_a_string()
    {
        var tag = JaegerTraceMapper.ToKeyValue("n", new AttributeValue(AttributeType.Int, "not a number"));
        Assert.Equal(("string", (object)"not a number"), (tag.Type, tag.Value));
    }

    private static Span Span(string id, string? parent, string service, SpanKind kind, SpanStatus status, string? message) => new(
        TraceId, id, parent, service, "op " + id, kind, 1_700_000_000_000_000_000, 1_250_000_000, status, message,
        new Dictionary<string, AttributeValue>(),
        new Dictionary<string, AttributeValue> { ["service.name"] = AttributeValue.Of(service) },
        [],
        []);
}
