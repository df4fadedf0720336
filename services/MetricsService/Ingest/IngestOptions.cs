using System.ComponentModel.DataAnnotations;

namespace AirisEpm.MetricsService.Ingest;

/// <summary>Limits of the JSON ingest endpoint (section <c>Metrics:Ingest</c>).</summary>
public sealed class IngestOptions
{
    public const string Section = "Metrics:Ingest";

    /// <summary>Samples per request: 50,000 keeps one request's validation and write well under a second.</summary>
    [Range(1, 1_000_000)]
    public int MaxSamplesPerRequest { get; set; } = 50_000;

    /// <summary>Body size: 10 MB holds 50,000 samples with a handful of labels each.</summary>
    [Range(1, long.MaxValue)]
    public long MaxBodyBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>Labels per series: 30, as Prometheus's common <c>label_limit</c>; more signals a cardinality bug.</summary>
    [Range(1, 1000)]
    public int MaxLabelsPerSeries { get; set; } = 30;

    /// <summary>Characters per label value: 2,048 fits URLs and SQL fingerprints, not request bodies.</summary>
    [Range(1, 1_000_000)]
    public int MaxLabelValueLength { get; set; } = 2048;

    /// <summary>How far in the future a timestamp may be: ten minutes of clock skew.</summary>
    public TimeSpan MaxFutureSkew { get; set; } = TimeSpan.FromMinutes(10);
}
