using AirisEpm.LogService.Domain;

namespace AirisEpm.LogService.Ingest.Loki;

/// <summary>One pushed line as a record: the stream's labels, its service, and structured metadata as fields.</summary>
internal static class LokiStreamEntry
{
    private static readonly string[] TraceIdKeys = ["trace_id", "traceid", "traceID", "trace.id"];
    private static readonly string[] SpanIdKeys = ["span_id", "spanid", "spanID", "span.id"];

    public static LogRecord ToRecord(long timestampNs, string line, IReadOnlyDictionary<string, string> labels, string service, Dictionary<string, string> metadata) =>
        new(
            Id: "",
            TimestampNs: timestampNs,
            Level: Severity.Unknown,
            Message: line,
            Service: service,
            TraceId: First(metadata, TraceIdKeys),
            SpanId: First(metadata, SpanIdKeys),
            Labels: labels,
            Fields: metadata);

    private static string? First(Dictionary<string, string> metadata, string[] keys)
    {
        foreach (var key in keys)
        {
            if (metadata.TryGetValue(key, out var value) && value.Length > 0) return value;
        }

        return null;
    }
}
