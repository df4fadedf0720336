namespace AirisEpm.AlertService.Rules;

/// <summary>
/// RED measures from trace-service's dependency graph over [start, end): the calls into a service (every edge
/// ending at it, callers outside the platform included) or along one edge. Throws
/// <see cref="TraceQueryFailedException"/> when trace-service cannot answer.
/// </summary>
public interface ITraceMeasureClient
{
    Task<TraceMeasures> MeasureAsync(string? service, string? from, string? to, DateTimeOffset start, DateTimeOffset end, CancellationToken cancellationToken);
}

/// <summary>Calls, errors and latency percentiles in milliseconds (null when there were no calls).</summary>
public sealed record TraceMeasures(long Calls, long Errors, double? ErrorRate, double? P50Ms, double? P95Ms, double? P99Ms);

public sealed class TraceQueryFailedException(string message, Exception? inner = null) : Exception(message, inner);
