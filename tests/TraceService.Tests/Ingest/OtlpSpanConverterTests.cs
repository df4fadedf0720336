using AirisEpm.Protocols.Ingest;
using AirisEpm.Protocols.Otlp.Proto;
using AirisEpm.TraceService.Domain;
using AirisEpm.TraceService.Ingest.Otlp;
using Google.Protobuf;
using static AirisEpm.TraceService.Tests.Support.OtlpRequests;
using ProtoSpan = AirisEpm.Protocols.Otlp.Proto.Span;
using StoredSpan = AirisEpm.TraceService.Domain.Span;

namespace AirisEpm.TraceService.Tests.Ingest;

public sealed class OtlpSpanConverterTests
{
    [Fact]
    public void A_span_keeps_its_ids_service_times_kind_status_and_typed_attributes()
    {
        var proto = ValidSpan();
        proto.Status = new Status { Code = Status.Types.StatusCode.Error, Message = "card declined" };
        proto.Attributes.Add(Attribute("http.request.method", new AnyValue { StringValue = "GET" }));
        proto.Attributes.Add(Attribute("http.response.status_code", new AnyValue { IntValue = 502 }));
        proto.Attributes.Add(Attribute("retry", new AnyValue { BoolValue = true }));
        proto.Attributes.Add(Attribute("ratio", new AnyValue { DoubleValue = 0.25 }));
        proto.Attributes.Add(Attribute("blob", new AnyValue { BytesValue = ByteString.CopyFrom(1, 2, 3) }));
        var tags = new ArrayValue();
        tags.Values.Add(new AnyValue { StringValue = "a" });
        tags.Values.Add(new AnyValue { IntValue = 2 });
        proto.Attributes.Add(Attribute("tags", new AnyValue { ArrayValue = tags }));
        var request = Request(proto);
        request.ResourceSpans[0].Resource.Attributes.Add(Attribute("host.cores", new AnyValue { IntValue = 8 }));

        var span = Single(request);

        Assert.Equal(TraceHex, span.TraceId);
        Assert.Equal(SpanHex, span.SpanId);
        Assert.Equal(ParentHex, span.ParentSpanId);
        Assert.Equal("orders", span.Service);
        Assert.Equal("GET /orders/{id}", span.Name);
        Assert.Equal(SpanKind.Server, span.Kind);
        Assert.Equal((long)StartNs, span.StartNs);
        Assert.Equal(2_500_000, span.DurationNs);
        Assert.Equal(SpanStatus.Error, span.Status);
        Assert.Equal("card declined", span.StatusMessage);
        Assert.Equal(AttributeValue.Of("GET"), span.Attributes["http.request.method"]);
        Assert.Equal(new AttributeValue(AttributeType.Int, "502"), span.Attributes["http.response.status_code"]);
        Assert.Equal(new AttributeValue(AttributeType.Bool, "true"), span.Attributes["retry"]);
        Assert.Equal(new AttributeValue(AttributeType.Double, "0.25"), span.Attributes["ratio"]);
        Assert.Equal(new AttributeValue(AttributeType.Bytes, "AQID"), span.Attributes["blob"]);
        Assert.Equal(AttributeValue.Of("[a,2]"), span.Attributes["tags"]);
        Assert.Equal(AttributeValue.Of("Shop.Orders"), span.Attributes["otel.scope.name"]);
        Assert.Equal(AttributeValue.Of("1.2.0"), span.Attributes["otel.scope.version"]);
        Assert.Equal(new AttributeValue(AttributeType.Int, "8"), span.Resource["host.cores"]);
        Assert.Equal(AttributeValue.Of("orders"), span.Resource["service.name"]);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void Without_a_service_name_the_service_is_unknown_service(string? service)
    {
        Assert.Equal("unknown_service", Single(Request(service, ValidSpan())).Service);
    }

    [Fact]
    public void Events_and_links_are_kept_with_their_attributes()
    {
        var proto = ValidSpan();
        var ev = new ProtoSpan.Types.Event { TimeUnixNano = StartNs + 1_000, Name = "exception" };
        ev.Attributes.Add(Attribute("exception.type", new AnyValue { StringValue = "TimeoutException" }));
        proto.Events.Add(ev);
        var link = new ProtoSpan.Types.Link { TraceId = Bytes("0af7651916cd43dd8448eb211c80319c"), SpanId = Bytes("b9c7c989f97918e1") };
        link.Attributes.Add(Attribute("messaging.batch", new AnyValue { BoolValue = true }));
        proto.Links.Add(link);

        var span = Single(Request(proto));

        var only = Assert.Single(span.Events);
        Assert.Equal((long)StartNs + 1_000, only.TimeNs);
        Assert.Equal("exception", only.Name);
        Assert.Equal("TimeoutException", only.Attributes["exception.type"].Text);
        var linked = Assert.Single(span.Links);
        Assert.Equal(("0af7651916cd43dd8448eb211c80319c", "b9c7c989f97918e1"), (linked.TraceId, linked.SpanId));
        Assert.Equal(AttributeType.Bool, linked.Attributes["messaging.batch"].Type);
    }

    [Theory]
    [InlineData("")]
    [InlineData("0000000000000000")]
    public void An_absent_or_all_zero_parent_makes_a_root_span(string parentHex)
    {
        var proto = ValidSpan();
        proto.ParentSpanId = parentHex.Length == 0 ? ByteString.Empty : Bytes(parentHex);
        Assert.Null(Single(Request(proto)).ParentSpanId);
    }

    public static TheoryData<string, Action<ProtoSpan>, string> BadSpans => new()
    {
        { "traceId", s => s.TraceId = ByteString.Empty, "required" },
        { "traceId", s => s.TraceId = Bytes("4bf92f3577b34da6"), "8 bytes" },
        { "traceId", s => s.TraceId = ByteString.CopyFrom(new byte[16]), "all zero" },
        { "spanId", s => s.SpanId = Bytes("00f067aa0ba902b700"), "9 bytes" },
        { "spanId", s => s.SpanId = ByteString.CopyFrom(new byte[8]), "all zero" },
        { "parentSpanId", s => s.ParentSpanId = Bytes("b7ad6b71"), "4 bytes" },
        { "startTimeUnixNano", s => s.StartTimeUnixNano = 0, "required" },
        { "endTimeUnixNano", s => s.EndTimeUnixNano = StartNs - 1, "before startTimeUnixNano" },
        { "endTimeUnixNano", s => s.EndTimeUnixNano = ulong.MaxValue, "2262" },
        { "kind", s => s.Kind = (ProtoSpan.Types.SpanKind)9, "unknown span kind 9" },
        { "status.code", s => s.Status = new Status { Code = (Status.Types.StatusCode)7 }, "unknown status code 7" },
        { "links[0].spanId", s => s.Links.Add(new ProtoSpan.Types.Link { TraceId = Bytes(TraceHex), SpanId = Bytes("0102") }), "2 bytes" },
        { "events[0].timeUnixNano", s => s.Events.Add(new ProtoSpan.Types.Event { TimeUnixNano = ulong.MaxValue }), "2262" },
    };

    [Theory]
    [MemberData(nameof(BadSpans))]
    public void A_bad_span_is_named_by_resource_scope_span_and_field(string field, Action<ProtoSpan> spoil, string reason)
    {
        var good = ValidSpan();
        var bad = ValidSpan("bad");
        spoil(bad);
        var request = Request(good);
        request.ResourceSpans[0].ScopeSpans.Add(new ScopeSpans());
        request.ResourceSpans[0].ScopeSpans[1].Spans.Add(ValidSpan("fine"));
        request.ResourceSpans[0].ScopeSpans[1].Spans.Add(bad);
        var problems = new IngestProblems();

        var spans = OtlpSpanConverter.Convert(request, problems);

        Assert.Equal(2, spans.Count);
        var (path, reasons) = Assert.Single(problems.ToDictionary());
        Assert.Equal($"resourceSpans[0].scopeSpans[1].spans[1].{field}", path);
        Assert.Contains(reason, Assert.Single(reasons), StringComparison.Ordinal);
    }

    private static StoredSpan Single(ExportTraceServiceRequest request)
    {
        var problems = new IngestProblems();
        var span = Assert.Single(OtlpSpanConverter.Convert(request, problems));
        Assert.False(problems.Any, string.Join("; ", problems.ToDictionary().Select(p => p.Key)));
        return span;
    }
}
