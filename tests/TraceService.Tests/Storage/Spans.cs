using System.Globalization;
using AirisEpm.TraceService.Domain;

namespace AirisEpm.TraceService.Tests.Storage;

/// <summary>Spans for store tests: ids from numbers, times in milliseconds after <see cref="Base"/> (3 hours ago).</summary>
internal static class Spans
{
    /// <summary>Recent, because ClickHouse TTLs act on the real clock.</summary>
    public static readonly long Base = (DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() - (3 * 3_600_000)) * 1_000_000;

    public static long At(long ms) => Base + (ms * 1_000_000);

    public static string Trace(int n) => n.ToString("x32", CultureInfo.InvariantCulture);

    public static string Id(int n) => n.ToString("x16", CultureInfo.InvariantCulture);

    public static Span Make(
        int trace, int span, int? parent = null, string service = "checkout", string name = "GET /cart", SpanKind kind = SpanKind.Server,
        long startMs = 0, long durationMs = 10, SpanStatus status = SpanStatus.Unset,
        IReadOnlyDictionary<string, AttributeValue>? attributes = null, IReadOnlyDictionary<string, AttributeValue>? resource = null) =>
        new(Trace(trace), Id(span), parent is { } p ? Id(p) : null, service, name, kind, At(startMs), durationMs * 1_000_000, status,
            status == SpanStatus.Error ? "boom" : null,
            attributes ?? new Dictionary<string, AttributeValue>(),
            resource ?? new Dictionary<string, AttributeValue> { ["service.name"] = AttributeValue.Of(service) },
            [],
            []);

    public static Dictionary<string, AttributeValue> Tags(params (string Key, string Value)[] tags) =>
        tags.ToDictionary(t => t.Key, t => AttributeValue.Of(t.Value));
}
