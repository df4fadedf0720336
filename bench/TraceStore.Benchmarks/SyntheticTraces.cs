using System.Globalization;
using AirisEpm.TraceService.Domain;

namespace AirisEpm.TraceStore.Benchmarks;

/// <summary>
/// Traces of ten spans (a server root and nine children over eight services, 5 % with an error), in arrival
/// order: trace i starts <c>spacingNs</c> after trace i − 1. Each span has five attributes (one typed int),
/// two resource attributes, and every tenth an event.
/// </summary>
internal static class SyntheticTraces
{
    public const int SpansPerTrace = 10;

    public static readonly string[] Services = ["web", "api", "checkout", "payments", "inventory", "search", "users", "db-proxy"];

    public static string TraceId(int trace) => ((ulong)trace * 0x9E3779B97F4A7C15UL).ToString("x16", CultureInfo.InvariantCulture) + trace.ToString("x16", CultureInfo.InvariantCulture);

    public static IEnumerable<Span> Trace(int trace, long startNs)
    {
        var traceId = TraceId(trace);
        var error = trace % 20 == 0;
        for (var i = 0; i < SpansPerTrace; i++)
        {
            var service = i == 0 ? Services[trace % 2] : Services[(trace + i) % Services.Length];
            var operation = i == 0 ? $"GET /api/{trace % 7}" : $"{service} op {(trace + i) % 5}";
            var status = error && i == SpansPerTrace - 1 ? SpanStatus.Error : SpanStatus.Unset;
            var attributes = new Dictionary<string, AttributeValue>
            {
                ["http.method"] = AttributeValue.Of(i % 3 == 0 ? "POST" : "GET"),
                ["http.status_code"] = new(AttributeType.Int, status == SpanStatus.Error ? "500" : "200"),
                ["customer.id"] = AttributeValue.Of((trace % 10_000).ToString(CultureInfo.InvariantCulture)),
                ["net.peer.name"] = AttributeValue.Of(Services[(trace + i + 1) % Services.Length]),
                ["thread.id"] = new(AttributeType.Int, (i % 16).ToString(CultureInfo.InvariantCulture)),
            };
            var resource = new Dictionary<string, AttributeValue>
            {
                ["service.name"] = AttributeValue.Of(service),
                ["host.name"] = AttributeValue.Of($"{service}-{trace % 3}"),
            };
            IReadOnlyList<SpanEvent> events = i % 10 == 5
                ? [new SpanEvent(startNs + (i * 1_000_000L), "cache miss", new Dictionary<string, AttributeValue> { ["key"] = AttributeValue.Of("cart") })]
                : [];
            yield return new Span(
                traceId, ((ulong)(trace * SpansPerTrace) + (ulong)i + 1).ToString("x16", CultureInfo.InvariantCulture),
                i == 0 ? null : ((ulong)(trace * SpansPerTrace) + 1).ToString("x16", CultureInfo.InvariantCulture),
                service, operation, i == 0 ? SpanKind.Server : SpanKind.Client, startNs + (i * 1_000_000L), (50 - (i * 4)) * 1_000_000L + (trace % 1000),
                status, status == SpanStatus.Error ? "upstream failed" : null, attributes, resource, events, []);
        }
    }
}
