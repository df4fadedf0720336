using AirisEpm.TraceService.Domain;

namespace AirisEpm.TraceService.Tests.Analysis;

/// <summary>Spans for analysis tests: ids are short names, times are plain numbers (one timeline column = 1 ns).</summary>
internal static class TestSpans
{
    public const string TraceId = "4bf92f3577b34da6a3ce929d0e0e4736";

    private static readonly Dictionary<string, AttributeValue> NoAttributes = [];

    public static Span Make(
        string id, string? parent, long start, long end,
        string service = "svc", SpanKind kind = SpanKind.Internal, string? name = null,
        SpanStatus status = SpanStatus.Unset, IReadOnlyDictionary<string, string>? attributes = null,
        IReadOnlyList<SpanLink>? links = null, IReadOnlyList<SpanEvent>? events = null, string traceId = TraceId) =>
        new(traceId, id, parent, service, name ?? "op-" + id, kind, start, end - start, status, null,
            attributes?.ToDictionary(a => a.Key, a => AttributeValue.Of(a.Value)) ?? NoAttributes,
            NoAttributes, events ?? [], links ?? []);

    public static SpanLink FollowsFrom(string spanId, string traceId = TraceId) => new(traceId, spanId, NoAttributes);
}
