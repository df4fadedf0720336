using AirisEpm.TraceService.Analysis.Sketches;

namespace AirisEpm.TraceService.Analysis.Graph;

/// <summary>
/// Calls, errors and latencies of one key over some time, mergeable. <see cref="ExemplarTraceId"/> is
/// the slowest call's trace (the one worth opening), <see cref="ErrorTraceId"/> the latest failed call's.
/// </summary>
public sealed class BucketStats
{
    public long Calls { get; private set; }

    public long Errors { get; private set; }

    public LatencySketch Latency { get; private set; } = new();

    public string? ExemplarTraceId { get; private set; }

    public string? ErrorTraceId { get; private set; }

    private long _exemplarNs = -1;

    /// <summary>Bytes on the heap: this object and its sketch (trace id strings are shared with the calls).</summary>
    public int HeapBytes => 80 + Latency.HeapBytes;

    public void Add(long durationNs, bool isError, string traceId)
    {
        Calls++;
        Latency.Add(durationNs);
        if (isError)
        {
            Errors++;
            ErrorTraceId = traceId;
        }
        if (durationNs > _exemplarNs)
            (_exemplarNs, ExemplarTraceId) = (durationNs, traceId);
    }

    public void Merge(BucketStats other)
    {
        Calls += other.Calls;
        Errors += other.Errors;
        Latency.Merge(other.Latency);
        ErrorTraceId = other.ErrorTraceId ?? ErrorTraceId;
        if (other._exemplarNs > _exemplarNs)
            (_exemplarNs, ExemplarTraceId) = (other._exemplarNs, other.ExemplarTraceId);
    }

    /// <summary>Stats read back from the store: the slowest call is the sketch's maximum, as <see cref="Add"/> keeps it.</summary>
    public static BucketStats Restore(long calls, long errors, LatencySketch latency, string? exemplarTraceId, string? errorTraceId)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(errors);
        ArgumentOutOfRangeException.ThrowIfLessThan(calls, errors);
        return new BucketStats
        {
            Calls = calls,
            Errors = errors,
            Latency = latency,
            ExemplarTraceId = exemplarTraceId,
            ErrorTraceId = errorTraceId,
            _exemplarNs = exemplarTraceId is null ? -1 : latency.MaxNs,
        };
    }

    public BucketStats Clone()
    {
        var copy = new BucketStats();
        copy.Merge(this);
        return copy;
    }
}
