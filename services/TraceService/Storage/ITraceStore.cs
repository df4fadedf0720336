using AirisEpm.TraceService.Domain;

namespace AirisEpm.TraceService.Storage;

/// <summary>
/// Where spans live: embedded DuckDB by default, ClickHouse in production. One conformance suite
/// runs over every implementation, so both give the same answers.
/// <para>
/// A span is identified by (trace id, span id, kind, service): writing it again (a retried ingest request)
/// stores a second copy, and every read collapses the copies to one, as Jaeger dedupes on read. Kind and
/// service are part of the identity because Zipkin's shared spans give a client span and its server span
/// one span id; both are kept. Which copy a read returns when two differ in other fields is unspecified.
/// </para>
/// </summary>
public interface ITraceStore
{
    /// <summary>Creates or migrates the schema; called once at start, before any other member.</summary>
    Task InitializeAsync(CancellationToken cancellationToken);

    /// <summary>Stores the spans; when the task completes they survive a crash of the process.</summary>
    Task WriteAsync(IReadOnlyList<Span> spans, CancellationToken cancellationToken);

    /// <summary>Every stored span of the trace, in start order (then span id); empty when the trace is unknown.</summary>
    Task<IReadOnlyList<Span>> GetTraceAsync(string traceId, CancellationToken cancellationToken);

    /// <summary>
    /// Every span that started in [<paramref name="startNs"/>, <paramref name="endNs"/>), of one service when
    /// <paramref name="service"/> is given, in start order (then trace id, span id): the input of the analyses
    /// (dependency graph, bottlenecks). The caller bounds the window; the whole answer is held in memory.
    /// </summary>
    Task<IReadOnlyList<Span>> GetSpansAsync(long startNs, long endNs, string? service, CancellationToken cancellationToken);

    /// <summary>
    /// Up to <see cref="TraceQuery.Limit"/> traces with a span matching every condition of the query, newest
    /// first: ordered by the latest start among each trace's matching spans, descending (then trace id). Each
    /// summary describes the whole stored trace, including spans outside the query's window.
    /// </summary>
    Task<IReadOnlyList<TraceSummary>> SearchAsync(TraceQuery query, CancellationToken cancellationToken);

    /// <summary>The distinct services of the stored spans, in ordinal order.</summary>
    Task<IReadOnlyList<string>> GetServicesAsync(CancellationToken cancellationToken);

    /// <summary>
    /// The distinct (operation name, span kind) pairs of a service, ordered by name then kind; only that kind
    /// when <paramref name="kind"/> is given, all kinds when it is null.
    /// </summary>
    Task<IReadOnlyList<Operation>> GetOperationsAsync(string service, SpanKind? kind, CancellationToken cancellationToken);

    /// <summary>Deletes spans that started before the cutoff; returns how many stored rows went (copies included).</summary>
    Task<long> DeleteOlderThanAsync(long cutoffNs, CancellationToken cancellationToken);

    /// <summary>Throws when the store cannot answer (health checks call it).</summary>
    Task PingAsync(CancellationToken cancellationToken);
}

/// <summary>
/// A trace search. Every given condition must hold for one span of the trace (as Jaeger's search
/// does): its service, its operation, all its tags (attribute or resource attribute equal to the text),
/// its duration within [MinDurationNs, MaxDurationNs] (both inclusive), its start within [StartNs, EndNs).
/// </summary>
public sealed record TraceQuery(
    long StartNs,
    long EndNs,
    string? Service = null,
    string? Operation = null,
    IReadOnlyDictionary<string, string>? Tags = null,
    long? MinDurationNs = null,
    long? MaxDurationNs = null,
    int Limit = 20);

/// <summary>
/// One trace in a search answer, over all its stored spans (copies collapsed): its root (the span with no
/// parent, the earliest if several; else the earliest span, ties by span id), its start (earliest span
/// start), duration (latest span end minus that start), span and error counts, and its services in ordinal order.
/// </summary>
public sealed record TraceSummary(
    string TraceId,
    string RootService,
    string RootOperation,
    long StartNs,
    long DurationNs,
    int SpanCount,
    int ErrorCount,
    IReadOnlyList<string> Services);

public sealed record Operation(string Name, SpanKind Kind);
