namespace AirisEpm.TraceService.Analysis.Anomalies;

public enum AnomalyKind
{
    /// <summary>p95 latency far above its baseline.</summary>
    LatencySpike = 0,

    /// <summary>Error rate far above its baseline.</summary>
    ErrorBurst = 1,
}

/// <summary>
/// A flagged bucket: <paramref name="Observed"/> against <paramref name="Expected"/> (p95 in ns, or
/// error rate), and <paramref name="Score"/>, how many robust standard deviations apart they are.
/// </summary>
public sealed record Anomaly<TKey>(TKey Key, long BucketStartNs, AnomalyKind Kind, double Observed, double Expected, double Score);
