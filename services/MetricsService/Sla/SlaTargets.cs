using System.ComponentModel.DataAnnotations;

namespace AirisEpm.MetricsService.Sla;

/// <summary>Section <c>Metrics:Sla</c>: the objectives a report is judged against.</summary>
public sealed class SlaTargets
{
    public const string Section = "Metrics:Sla";

    /// <summary>Three nines: about 43 minutes of bad time a month.</summary>
    [Range(0, 100)]
    public double AvailabilityPercent { get; set; } = 99.9;

    /// <summary>p95 of server request duration, in milliseconds.</summary>
    [Range(0, double.MaxValue)]
    public double P95LatencyMs { get; set; } = 100;

    /// <summary>Share of requests answered 5xx.</summary>
    [Range(0, 100)]
    public double ErrorRatePercent { get; set; } = 0.1;

    /// <summary>Sustained requests per second the service must be able to carry.</summary>
    [Range(0, double.MaxValue)]
    public double ThroughputRps { get; set; } = 10_000;

    /// <summary>
    /// A minute counts as unavailable when more than this share of its requests failed. 5% is
    /// the usual "the service is down for users" line; a single failed request is not an outage.
    /// </summary>
    [Range(0, 100)]
    public double BadMinuteErrorPercent { get; set; } = 5;
}
