namespace AirisEpm.ServiceDefaults.Events.Contracts;

/// <summary>
/// An operation of <see cref="Service"/>, or the calls along an edge <see cref="From"/> → <see cref="To"/> of the
/// dependency graph, departed from its baseline in the bucket [<see cref="WindowStart"/>, <see cref="WindowEnd"/>)
/// that began at <see cref="At"/>. <see cref="Kind"/> is "latency" (values in milliseconds, p95) or "error-rate"
/// (a 0..1 ratio); <see cref="Value"/> is what was observed, <see cref="Baseline"/> what was expected. For an edge
/// <see cref="Service"/> is the callee (the dependency that slowed or failed) and <see cref="Operation"/> names the
/// edge (<c>checkout → payments</c>). <see cref="ExemplarTraceIds"/> are traces worth opening (the slowest call, the
/// latest failed one). <see cref="Score"/>: how many robust standard deviations above the baseline.
/// <see cref="Measure"/>, <see cref="Observed"/> and <see cref="Expected"/> repeat Kind, Value and Baseline under the
/// names the trace-service issue uses (written, never read).
/// </summary>
[EventTopic(Topics.TracesAnomalyDetected)]
public sealed record TracesAnomalyDetected(
    string Service,
    string Operation,
    string Kind,
    double Value,
    double Baseline,
    DateTimeOffset At) : IntegrationEvent
{
    public const string Latency = "latency";
    public const string ErrorRate = "error-rate";

    /// <summary>The caller of the edge; null for an operation's anomaly.</summary>
    public string? From { get; init; }

    /// <summary>The callee of the edge; null for an operation's anomaly.</summary>
    public string? To { get; init; }

    public DateTimeOffset? WindowStart { get; init; }

    public DateTimeOffset? WindowEnd { get; init; }

    public double? Score { get; init; }

    public IReadOnlyList<string> ExemplarTraceIds { get; init; } = [];

    public string Measure => Kind;

    public double Observed => Value;

    public double Expected => Baseline;
}
