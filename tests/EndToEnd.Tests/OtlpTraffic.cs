using System.Globalization;
using System.Text.Json;

namespace AirisEpm.EndToEnd.Tests;

/// <summary>
/// OTLP/JSON export requests as two instrumented services send them for one kind of request:
/// <code>
///   frontend  SERVER GET /checkout ├──────────────────────────┤
///   frontend  CLIENT POST           ├────────────────────────┤
///   checkout  SERVER POST /orders    ├──────────────────────┤
///   checkout  CLIENT INSERT (postgresql, db orders)  ├ db ┤     uninstrumented: a virtual node
/// </code>
/// Service names are prefixed so tests sharing one trace-service keep their graphs apart.
/// </summary>
internal static class OtlpTraffic
{
    public static (string Frontend, string Checkout) Requests(string prefix, int first, int count, long startNs, double dbMs)
    {
        var db = (long)(dbMs * 1e6);
        var frontend = new List<object>();
        var checkout = new List<object>();
        for (var n = first; n < first + count; n++)
        {
            var trace = n.ToString("x32", CultureInfo.InvariantCulture);
            var at = startNs + (n - first) * 1_000_000L;
            frontend.Add(Span(trace, Id(n, 1), null, "GET /checkout", 2, at, at + db + 4_000_000));
            frontend.Add(Span(trace, Id(n, 2), Id(n, 1), "POST", 3, at + 500_000, at + db + 3_500_000));
            checkout.Add(Span(trace, Id(n, 3), Id(n, 2), "POST /orders", 2, at + 1_000_000, at + db + 3_000_000));
            checkout.Add(Span(trace, Id(n, 4), Id(n, 3), "INSERT orders", 3, at + 1_500_000, at + 1_500_000 + db,
                ("db.system", "postgresql"), ("db.namespace", "orders")));
        }
        return (Export(prefix + "frontend", frontend), Export(prefix + "checkout", checkout));
    }

    private static string Id(int n, int span) => (n * 16 + span).ToString("x16", CultureInfo.InvariantCulture);

    private static object Span(string trace, string id, string? parent, string name, int kind, long start, long end, params (string Key, string Value)[] attributes) => new
    {
        traceId = trace,
        spanId = id,
        parentSpanId = parent ?? "",
        name,
        kind,
        startTimeUnixNano = start.ToString(CultureInfo.InvariantCulture),
        endTimeUnixNano = end.ToString(CultureInfo.InvariantCulture),
        attributes = attributes.Select(a => new { key = a.Key, value = new { stringValue = a.Value } }).ToArray(),
    };

    private static string Export(string service, List<object> spans) => JsonSerializer.Serialize(new
    {
        resourceSpans = new[]
        {
            new
            {
                resource = new { attributes = new[] { new { key = "service.name", value = new { stringValue = service } } } },
                scopeSpans = new[] { new { scope = new { name = "e2e" }, spans } },
            },
        },
    });
}
