using AirisEpm.Protocols.Otlp.Proto;
using Google.Protobuf;
using ProtoSpan = AirisEpm.Protocols.Otlp.Proto.Span;

namespace AirisEpm.TraceService.Tests.Support;

/// <summary>OTLP trace requests for tests: one valid span to start from, changed by each test.</summary>
public static class OtlpRequests
{
    public const string TraceHex = "4bf92f3577b34da6a3ce929d0e0e4736";
    public const string SpanHex = "00f067aa0ba902b7";
    public const string ParentHex = "b7ad6b7169203331";

    /// <summary>12:00:00 UTC on 2026-01-15, in Unix nanoseconds.</summary>
    public const ulong StartNs = 1_768_478_400_000_000_000;

    public static ProtoSpan ValidSpan(string name = "GET /orders/{id}") => new()
    {
        TraceId = ByteString.CopyFrom(Convert.FromHexString(TraceHex)),
        SpanId = ByteString.CopyFrom(Convert.FromHexString(SpanHex)),
        ParentSpanId = ByteString.CopyFrom(Convert.FromHexString(ParentHex)),
        Name = name,
        Kind = ProtoSpan.Types.SpanKind.Server,
        StartTimeUnixNano = StartNs,
        EndTimeUnixNano = StartNs + 2_500_000,
    };

    public static ExportTraceServiceRequest Request(string? service, params ProtoSpan[] spans)
    {
        var resource = new Resource();
        if (service is not null) resource.Attributes.Add(Attribute("service.name", new AnyValue { StringValue = service }));
        var scope = new ScopeSpans { Scope = new InstrumentationScope { Name = "Shop.Orders", Version = "1.2.0" } };
        scope.Spans.AddRange(spans);
        var resourceSpans = new ResourceSpans { Resource = resource };
        resourceSpans.ScopeSpans.Add(scope);
        var request = new ExportTraceServiceRequest();
        request.ResourceSpans.Add(resourceSpans);
        return request;
    }

    public static ExportTraceServiceRequest Request(params ProtoSpan[] spans) => Request("orders", spans);

    public static KeyValue Attribute(string key, AnyValue value) => new() { Key = key, Value = value };

    public static ByteString Bytes(string hex) => ByteString.CopyFrom(Convert.FromHexString(hex));
}
