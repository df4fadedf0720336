using AirisEpm.TraceService.Domain;

namespace AirisEpm.TraceService.Tests.LiveGraph;

/// <summary>
/// One request as three services trace it, starting at <paramref name="startNs"/>:
/// <code>
///   frontend  SERVER GET /checkout  ├────────────────────────────┤  (root: user → frontend)
///   frontend  CLIENT POST            ├──────────────────────┤
///   checkout  SERVER POST /orders     ├────────────────────┤      (frontend → checkout)
///   checkout  CLIENT INSERT (db)        ├──── dbMs ────┤          (checkout → postgresql/orders, virtual)
/// </code>
/// </summary>
internal static class GraphSpans
{
    public static Span[] Request(int n, long startNs, double dbMs = 5, bool dbFails = false)
    {
        var trace = n.ToString("x32", System.Globalization.CultureInfo.InvariantCulture);
        var db = (long)(dbMs * 1e6);
        return
        [
            Span(trace, "a1", null, "frontend", "GET /checkout", SpanKind.Server, startNs, db + 4_000_000, dbFails),
            Span(trace, "a2", "a1", "frontend", "POST", SpanKind.Client, startNs + 500_000, db + 3_000_000, dbFails),
            Span(trace, "b1", "a2", "checkout", "POST /orders", SpanKind.Server, startNs + 1_000_000, db + 2_000_000, dbFails),
            Span(trace, "b2", "b1", "checkout", "INSERT", SpanKind.Client, startNs + 1_500_000, db, dbFails,
                new() { ["db.system"] = AttributeValue.Of("postgresql"), ["db.namespace"] = AttributeValue.Of("orders") }),
        ];
    }

    private static Span Span(string trace, string id, string? parent, string service, string name, SpanKind kind, long start, long duration, bool error,
        Dictionary<string, AttributeValue>? attributes = null) =>
        new(trace, id, parent, service, name, kind, start, duration, error ? SpanStatus.Error : SpanStatus.Unset, null,
            attributes ?? [], new Dictionary<string, AttributeValue>(), [], []);
}
