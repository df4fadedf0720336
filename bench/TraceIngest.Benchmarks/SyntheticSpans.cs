using System.Globalization;
using System.Text;
using AirisEpm.Protocols.Otlp.Proto;
using Google.Protobuf;
using ProtoSpan = AirisEpm.Protocols.Otlp.Proto.Span;

namespace AirisEpm.TraceIngest.Benchmarks;

/// <summary>
/// Spans of the shape instrumented services send: an HTTP server span or a client/database span with six
/// attributes (method, route, status, peer, a string and an int), one event in ten, spread over five services.
/// OTLP batches are grouped per resource as SDKs export them; the Zipkin batch carries the same spans.
/// </summary>
internal static class SyntheticSpans
{
    private static readonly string[] Services = ["checkout", "cart", "payments", "catalog", "shipping"];
    private static readonly string[] Routes = ["/orders/{id}", "/cart", "/pay", "/items/{sku}", "/ship/{id}"];
    private static readonly long BaseNs = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 1_000_000;

    public static ExportTraceServiceRequest Otlp(int seed, int count)
    {
        var request = new ExportTraceServiceRequest();
        var byService = new Dictionary<int, ScopeSpans>();
        for (var i = 0; i < count; i++)
        {
            var n = seed + i;
            if (!byService.TryGetValue(n % Services.Length, out var scope))
            {
                var resource = new Resource();
                resource.Attributes.Add(new KeyValue { Key = "service.name", Value = new AnyValue { StringValue = Services[n % Services.Length] } });
                resource.Attributes.Add(new KeyValue { Key = "telemetry.sdk.language", Value = new AnyValue { StringValue = "dotnet" } });
                scope = new ScopeSpans { Scope = new InstrumentationScope { Name = "Microsoft.AspNetCore", Version = "10.0.0" } };
                var resourceSpans = new ResourceSpans { Resource = resource };
                resourceSpans.ScopeSpans.Add(scope);
                request.ResourceSpans.Add(resourceSpans);
                byService[n % Services.Length] = scope;
            }

            scope.Spans.Add(Span(n));
        }

        return request;
    }

    public static byte[] Zipkin(int seed, int count)
    {
        var json = new StringBuilder("[");
        for (var i = 0; i < count; i++)
        {
            var n = seed + i;
            var start = (BaseNs / 1000) + (n * 1000L);
            if (i > 0) json.Append(',');
            var annotations = n % 10 == 0 ? $$""","annotations":[{"timestamp":{{start + 50}},"value":"cache miss"}]""" : "";
            json.Append(CultureInfo.InvariantCulture,
                $$"""{"traceId":"{{Hex(n / 8, 16)}}","id":"{{Hex(n, 8)}}",{{(n % 8 == 0 ? "" : $"\"parentId\":\"{Hex(n - (n % 8), 8)}\",")}}"name":"GET {{Routes[n % Routes.Length]}}","kind":"{{(n % 8 == 0 ? "SERVER" : "CLIENT")}}","timestamp":{{start}},"duration":{{150 + (n % 900)}},"localEndpoint":{"serviceName":"{{Services[n % Services.Length]}}"},"remoteEndpoint":{"serviceName":"db","ipv4":"10.0.0.{{n % 250}}","port":5432},"tags":{"http.request.method":"GET","http.route":"{{Routes[n % Routes.Length]}}","http.response.status_code":"200","dapr.api":"/dapr.proto.runtime.v1.Dapr/GetState","user.tier":"gold"}{{annotations}}}""");
        }

        return Encoding.UTF8.GetBytes(json.Append(']').ToString());
    }

    private static ProtoSpan Span(int n)
    {
        var start = (ulong)(BaseNs + (n * 1_000_000L));
        var span = new ProtoSpan
        {
            TraceId = ByteString.CopyFrom(Convert.FromHexString(Hex(n / 8, 16))),
            SpanId = ByteString.CopyFrom(Convert.FromHexString(Hex(n, 8))),
            Name = "GET " + Routes[n % Routes.Length],
            Kind = n % 8 == 0 ? ProtoSpan.Types.SpanKind.Server : ProtoSpan.Types.SpanKind.Client,
            StartTimeUnixNano = start,
            EndTimeUnixNano = start + (ulong)(150_000 + (n % 900) * 1000),
        };
        if (n % 8 != 0) span.ParentSpanId = ByteString.CopyFrom(Convert.FromHexString(Hex(n - (n % 8), 8)));
        span.Attributes.Add(Attribute("http.request.method", new AnyValue { StringValue = "GET" }));
        span.Attributes.Add(Attribute("http.route", new AnyValue { StringValue = Routes[n % Routes.Length] }));
        span.Attributes.Add(Attribute("http.response.status_code", new AnyValue { IntValue = 200 }));
        span.Attributes.Add(Attribute("server.address", new AnyValue { StringValue = "10.0.0." + (n % 250).ToString(CultureInfo.InvariantCulture) }));
        span.Attributes.Add(Attribute("user.tier", new AnyValue { StringValue = "gold" }));
        span.Attributes.Add(Attribute("db.rows", new AnyValue { IntValue = n % 50 }));
        if (n % 10 == 0) span.Events.Add(new ProtoSpan.Types.Event { TimeUnixNano = start + 50_000, Name = "cache miss" });
        return span;
    }

    private static KeyValue Attribute(string key, AnyValue value) => new() { Key = key, Value = value };

    /// <summary>A non-zero id of <paramref name="bytes"/> bytes derived from <paramref name="n"/>.</summary>
    private static string Hex(int n, int bytes) => ((ulong)n + 1).ToString("x16", CultureInfo.InvariantCulture).PadLeft(bytes * 2, 'a');
}
