namespace AirisEpm.TraceService.Analysis.Graph;

/// <summary>An edge's or node's figures over a window; latencies in ns from the merged sketch.</summary>
public sealed record WindowMetrics(
    long Calls, long Errors, double CallsPerSecond, double ErrorRate, long P50Ns, long P95Ns, long P99Ns, string? ExemplarTraceId)
{
    public static WindowMetrics From(BucketStats stats, long windowNs) => new(
        stats.Calls,
        stats.Errors,
        stats.Calls / (windowNs / 1e9),
        stats.Calls == 0 ? 0 : (double)stats.Errors / stats.Calls,
        stats.Latency.Quantile(0.50),
        stats.Latency.Quantile(0.95),
        stats.Latency.Quantile(0.99),
        stats.ErrorTraceId ?? stats.ExemplarTraceId);
}
