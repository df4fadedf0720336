using AirisEpm.TraceService.Domain;

namespace AirisEpm.TraceService.Storage;

/// <summary>
/// Where spans live: embedded DuckDB by default, ClickHouse in production. One conformance suite
/// runs over every implementation, so both give the same answers.
/// </summary>
public interface ITraceStore
{
    /// <summary>Stores the spans; when the task completes they survive a crash of the process.</summary>
    Task WriteAsync(IReadOnlyList<Span> spans, CancellationToken cancellationToken);

    /// <summary>Every stored span of the trace, in start order; empty when the trace is unknown.</summary>
    Task<IReadOnlyList<Span>> GetTraceAsync(string traceId, CancellationToken cancellationToken);

    /// <summary>Traces with a span matching every condition of the query, newest first.</summary>
    Task<IReadOnlyList<TraceSummary>> SearchAsync(TraceQuery query, CancellationToken cancellationToken);

    Task<IReadOnlyList<string>> GetServicesAsync(CancellationToken cancellationToken);

    /// <summary>The distinct (operation name, span kind) pairs of a service; all kinds when <paramref name="kind"/> is null.</summary>
    Task<IReadOnlyList<Operation>> GetOperationsAsync(string service, SpanKind? kind, CancellationToken cancellationToken);

    /// <summary>Deletes spans that started before the cutoff; returns how many went.</summary>
    Task<long> DeleteOlderThanAsync(long cutoffNs, CancellationToken cancellationToken);

    /// <summary>Throws when the store cannot answer (health checks call it).</summary>
    Task PingAsync(CancellationToken cancellationToken);
}

/// <summary>
/// A trace search. Every given condition must hold for one span of the trace (as Jaeger's search
/// does): its service, its operation, all its tags (attribute or resource attribute equal to the text),
/// its duration within bounds, its start within [StartNs, EndNs).
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

/// <summary>One trace in a search answer: its root (or earliest span when the root is missing), size and errors.</summary>
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
