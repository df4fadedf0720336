namespace AirisEpm.MetricsService.Sla;

/// <summary>Requests and 5xx answers of one minute of the report's range.</summary>
public readonly record struct MinuteTraffic(long MinuteStartMs, double Requests, double Errors);

/// <summary>
/// What an SLA report is computed from: per-minute traffic, and the latency histogram's
/// cumulative bucket counts (upper bound → requests at or under it) accumulated over the range.
/// </summary>
public sealed record SlaInputs(
    string Service,
    DateTimeOffset Start,
    DateTimeOffset End,
    IReadOnlyList<MinuteTraffic> Minutes,
    IReadOnlyDictionary<double, double> LatencyBucketsSeconds);
