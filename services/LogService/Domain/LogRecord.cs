namespace AirisEpm.LogService.Domain;

/// <summary>
/// One stored log record. <see cref="TimestampNs"/> is Unix nanoseconds (OTLP's and Loki's unit).
/// <see cref="Labels"/> are low-cardinality stream labels (Loki's stream, OTLP resource attributes:
/// env, host, job); <see cref="Fields"/> everything else the producer sent (OTLP log attributes,
/// extra JSON keys, logfmt pairs, Loki structured metadata). <see cref="PatternId"/> is set at ingest
/// by the pattern miner; <see cref="Id"/> is unique and sorts by time within one millisecond's ties.
/// </summary>
public sealed record LogRecord(
    string Id,
    long TimestampNs,
    Severity Level,
    string Message,
    string Service,
    string? TraceId,
    string? SpanId,
    IReadOnlyDictionary<string, string> Labels,
    IReadOnlyDictionary<string, string> Fields,
    string? PatternId = null,
    string? StackTrace = null);
