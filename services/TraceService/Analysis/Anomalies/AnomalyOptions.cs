namespace AirisEpm.TraceService.Analysis.Anomalies;

/// <summary>When a bucket of an edge or operation counts as anomalous.</summary>
public sealed record AnomalyOptions
{
    /// <summary>Past buckets the baseline is the median of: 30 one-minute buckets, the last half hour.</summary>
    public int BaselineBuckets { get; init; } = 30;

    /// <summary>Judge nothing until this many past buckets qualified; fewer give a median that one odd minute can move.</summary>
    public int MinBaselineBuckets { get; init; } = 10;

    /// <summary>
    /// A bucket with fewer calls is neither judged nor added to the baseline: the p95 of a handful of
    /// calls is one slow call, and two errors in three calls is no burst. This is what keeps quiet edges from flapping.
    /// </summary>
    public long MinCalls { get; init; } = 20;

    /// <summary>How many robust standard deviations (1.4826 × MAD) above the baseline a bucket must be; 4 is far outside normal noise.</summary>
    public double Threshold { get; init; } = 4;

    /// <summary>A latency spike must also be this many times the baseline p95, so a very steady edge does not flag a 10 % wobble.</summary>
    public double MinLatencyRatio { get; init; } = 1.5;

    /// <summary>An error burst must raise the error rate by at least this much (absolute) and have at least <see cref="MinErrors"/> errors.</summary>
    public double MinErrorRateIncrease { get; init; } = 0.05;

    public long MinErrors { get; init; } = 5;

    public static AnomalyOptions Default { get; } = new();
}
