using System.ComponentModel.DataAnnotations;
using AirisEpm.TraceService.Analysis.Anomalies;
using AirisEpm.TraceService.Analysis.Dependencies;

namespace AirisEpm.TraceService.LiveGraph;

/// <summary>The live dependency graph and its anomaly detection (section <c>Traces:Graph</c>).</summary>
public sealed class DependencyGraphOptions
{
    public const string Section = "Traces:Graph";

    /// <summary>Feed the graph from ingest (on by default); off, the graph answers only what is stored (benchmarks compare both).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>One minute: the resolution any window is answered at, and the unit anomalies are judged in (as the graph's analysis defaults).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan BucketSize { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// How long after a bucket ends (on the arrival clock) it is closed: stored, dropped from memory, judged for anomalies.
    /// 60 s covers the extractor's 30 s wait for an uninstrumented peer plus the exporters' batching delays
    /// (see <see cref="DependencyExtractorOptions.MatchWaitNs"/>); calls arriving later still count, in a second row.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan CloseDelay { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How often waits are flushed and buckets closed; 5 s keeps virtual edges and closes timely at no measurable cost.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan TickInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The virtual caller of entry spans (<see cref="DependencyExtractorOptions.EntryCaller"/>); empty turns root-call edges off.</summary>
    public string EntryCaller { get; set; } = "user";

    /// <summary>See <see cref="DependencyExtractorOptions.MatchWaitNs"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:30:00")]
    public TimeSpan MatchWait { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Pair calls across replicas in the Dapr state store (<see cref="SharedPairing"/>): on whenever several replicas
    /// each receive part of a trace's spans (deploy/k8s runs two or more). Off, each replica pairs what reaches it.
    /// </summary>
    public bool SharedPairing { get; set; }

    /// <summary>
    /// With <see cref="SharedPairing"/>: a callee whose parent has not arrived this long after it is shared. Five
    /// seconds lets the usual case (both halves in one replica, a batch apart) pair locally, and is well inside the
    /// caller's <see cref="MatchWait"/>, so the callee is shared before the caller's wait ends elsewhere.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan ShareDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a shared pair is kept in the state store: five minutes, far past the waits that fill it.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan SharedTtl { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>See <see cref="DependencyExtractorOptions.Capacity"/>.</summary>
    [Range(1, 100_000_000)]
    public int Capacity { get; set; } = DependencyExtractorOptions.Default.Capacity;

    /// <summary>Publish <c>traces.anomaly-detected</c> for edges and entry operations whose closed bucket departs from its baseline.</summary>
    public bool AnomaliesEnabled { get; set; } = true;

    /// <summary>See <see cref="AnomalyOptions"/>; every default explained there.</summary>
    [Range(1, 10_000)]
    public int BaselineBuckets { get; set; } = AnomalyOptions.Default.BaselineBuckets;

    [Range(1, 10_000)]
    public int MinBaselineBuckets { get; set; } = AnomalyOptions.Default.MinBaselineBuckets;

    [Range(1, long.MaxValue)]
    public long MinCalls { get; set; } = AnomalyOptions.Default.MinCalls;

    [Range(0.1, 1_000)]
    public double Threshold { get; set; } = AnomalyOptions.Default.Threshold;

    [Range(1.0, 1_000)]
    public double MinLatencyRatio { get; set; } = AnomalyOptions.Default.MinLatencyRatio;

    [Range(0.0, 1.0)]
    public double MinErrorRateIncrease { get; set; } = AnomalyOptions.Default.MinErrorRateIncrease;

    [Range(0, long.MaxValue)]
    public long MinErrors { get; set; } = AnomalyOptions.Default.MinErrors;

    public long BucketNs => (long)BucketSize.TotalNanoseconds;

    public DependencyExtractorOptions Extractor() => new()
    {
        MatchWaitNs = (long)MatchWait.TotalNanoseconds,
        RetentionNs = 2 * (long)MatchWait.TotalNanoseconds,
        Capacity = Capacity,
        EntryCaller = string.IsNullOrWhiteSpace(EntryCaller) ? null : EntryCaller,
        ShareDelayNs = SharedPairing ? (long)ShareDelay.TotalNanoseconds : null,
    };

    public AnomalyOptions Anomalies() => new()
    {
        BaselineBuckets = BaselineBuckets,
        MinBaselineBuckets = MinBaselineBuckets,
        MinCalls = MinCalls,
        Threshold = Threshold,
        MinLatencyRatio = MinLatencyRatio,
        MinErrorRateIncrease = MinErrorRateIncrease,
        MinErrors = MinErrors,
    };
}
